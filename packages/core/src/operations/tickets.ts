import { notFound } from '../errors.js';
import type { NewMessage, StoredMessage, StoredTicket } from '../store.js';
import type { OperationInput, Ticket, TicketMessage, TicketStatus, TicketSummary } from '../types.js';
import { created, listed, ok, pageOf, searchTerm, statusFilter, type OperationContext, type OperationResult } from './context.js';
import { orderNotFound } from './orders.js';

export async function listTickets(
  { query }: OperationInput<'listTickets'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<TicketSummary[]>> {
  const status = statusFilter<TicketStatus>(query.status);
  const search = searchTerm(query.search);
  return listed(await store.listTickets(customer.id, { ...pageOf(query), ...(status && { status }), ...(search && { search }) }));
}

export async function getTicket(
  { path }: OperationInput<'getTicket'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Ticket>> {
  const ticket = await store.getTicket(customer.id, path.ticket_id);
  if (!ticket) throw ticketNotFound(path.ticket_id);
  return ok(asSeenByCustomer(ticket));
}

/** The description becomes the ticket's first message, from the customer. */
export async function createTicket(
  { body }: OperationInput<'createTicket'>,
  { store, customer, now }: OperationContext,
): Promise<OperationResult<Ticket>> {
  if (body.order_id !== undefined && !(await store.getOrder(customer.id, body.order_id))) {
    throw orderNotFound(body.order_id);
  }
  const ticket = await store.createTicket(customer.id, {
    subject: body.subject,
    priority: body.priority ?? 'MEDIUM',
    order_id: body.order_id ?? null,
    firstMessage: fromCustomer(customer, body.description, now()),
  });
  return created(asSeenByCustomer(ticket));
}

export async function addTicketMessage(
  { path, body }: OperationInput<'addTicketMessage'>,
  { store, customer, now }: OperationContext,
): Promise<OperationResult<TicketMessage>> {
  const message = await store.addTicketMessage(customer.id, path.ticket_id, fromCustomer(customer, body.content, now()));
  if (!message) throw ticketNotFound(path.ticket_id);
  return created(visibleMessage(message));
}

function fromCustomer(customer: OperationContext['customer'], content: string, timestamp: string): NewMessage {
  return { sender_id: customer.id, sender_name: customer.full_name, sender_type: 'customer', content, timestamp };
}

/** Agents' internal notes exist in the data but never leave it. */
function asSeenByCustomer(ticket: StoredTicket): Ticket {
  return {
    ...ticket,
    messages: ticket.messages.filter((m) => !m.is_internal).map(visibleMessage),
  };
}

function visibleMessage(message: StoredMessage): TicketMessage {
  return { ...message, is_internal: false };
}

function ticketNotFound(ticketId: string) {
  return notFound(`Ticket ${ticketId} was not found.`);
}
