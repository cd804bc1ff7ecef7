/**
 * The calls every database store must answer exactly like core's in-memory store (which the MSW mocks run
 * on), over the same sample world: the SQLite and the PostgreSQL store tests run each of them on both.
 */
import { sampleWorld, type PortalStore } from '@customer-portal/core';

// The memory store keeps sample passwords as they are; seeding the same way makes findCredentials comparable.
export const asGiven = (password: string) => password;
export const page = { limit: 50, offset: 0 };
export const at = '2024-03-01T10:00:00Z';

/** The sample world with ties: rows written in the same second must come out in the same order from both stores. */
export function worldWithTies() {
  const world = sampleWorld();
  const [newest, second] = world.orders;
  second!.created_at = newest!.created_at;
  const [first, ...rest] = world.notifications;
  for (const n of rest.filter((n) => n.customer_id === first!.customer_id)) n.timestamp = first!.timestamp;
  return world;
}

export type Call = [name: string, call: (store: PortalStore) => Promise<unknown>];

export const reads: Call[] = [
  ['credentials by email', (s) => s.findCredentials('ali.jawad@example.com')],
  ['credentials by email in another case', (s) => s.findCredentials('SARA.Khan@Example.com')],
  ['credentials of an unknown email', (s) => s.findCredentials('nobody@example.com')],
  ['a customer', (s) => s.getCustomer(1)],
  ['an unknown customer', (s) => s.getCustomer(99)],
  ['all orders, newest first', (s) => s.listOrders(1, page)],
  ['orders of one status', (s) => s.listOrders(1, { ...page, status: 'DELIVERED' })],
  ['orders by id substring, any case', (s) => s.listOrders(1, { ...page, search: 'oRd12' })],
  ['orders searched with %, a literal', (s) => s.listOrders(1, { ...page, search: '%' })],
  ['orders searched with _, a literal', (s) => s.listOrders(1, { ...page, search: 'ORD1_3' })],
  ['a page of orders', (s) => s.listOrders(1, { limit: 3, offset: 4 })],
  ['a page past the end', (s) => s.listOrders(1, { limit: 3, offset: 40 })],
  // The total of a page that ends the list comes from the page itself; of a full one, from a count.
  ['the last page, not full', (s) => s.listOrders(1, { limit: 5, offset: 10 })],
  ['the last page, exactly full', (s) => s.listOrders(1, { limit: 4, offset: 8 })],
  ['one status, not a full page', (s) => s.listOrders(1, { limit: 50, offset: 1, status: 'DELIVERED' })],
  ['a page of tickets past the end', (s) => s.listTickets(1, { limit: 2, offset: 30 })],
  ['another customer’s orders', (s) => s.listOrders(2, page)],
  ['an order with its shipment', (s) => s.getOrder(1, 'ORD123')],
  ['an order that has not shipped', (s) => s.getOrder(1, 'ORD120')],
  ['another customer’s order', (s) => s.getOrder(2, 'ORD123')],
  ['orders by status', (s) => s.countOrdersByStatus(1)],
  ['items already returned', (s) => s.returnedItems(1, 'ORD121')],
  ['items returned of another customer’s order', (s) => s.returnedItems(2, 'ORD121')],
  ['pending returns', (s) => s.countPendingReturns(2)],
  ['all tickets', (s) => s.listTickets(1, page)],
  ['tickets of one status', (s) => s.listTickets(1, { ...page, status: 'RESOLVED' })],
  ['tickets by subject, any case', (s) => s.listTickets(1, { ...page, search: 'INQUIRY' })],
  ['tickets by id', (s) => s.listTickets(1, { ...page, search: 'tkt45' })],
  ['a page of tickets', (s) => s.listTickets(1, { limit: 2, offset: 1 })],
  ['a ticket with its internal note', (s) => s.getTicket(1, 'TKT456')],
  ['another customer’s ticket', (s) => s.getTicket(2, 'TKT456')],
  ['tickets by status', (s) => s.countTicketsByStatus(1)],
  ['notifications', (s) => s.listNotifications(1, { ...page, unreadOnly: false })],
  ['unread notifications', (s) => s.listNotifications(1, { ...page, unreadOnly: true })],
  ['a page of notifications', (s) => s.listNotifications(1, { limit: 2, offset: 2, unreadOnly: false })],
];

export const message = (content: string, timestamp = at) =>
  ({ sender_id: 1, sender_name: 'Ali Jawad', sender_type: 'customer', content, timestamp }) as const;

export const writes: Call[] = [
  ['a new ticket', (s) => s.createTicket(1, { subject: 'Équipement cassé', priority: 'HIGH', order_id: 'ORD118', firstMessage: message('It broke') })],
  // Same millisecond: the later ticket must still come first.
  ['a second ticket in the same millisecond', (s) => s.createTicket(1, { subject: 'Second', priority: 'LOW', order_id: null, firstMessage: message('Again') })],
  ['a reply', (s) => s.addTicketMessage(1, 'TKT456', message('Thanks', '2024-03-02T08:00:00Z'))],
  // Stamped before the reply above: committed after it, it takes its time, never moving the ticket back.
  ['a reply stamped before the last one', (s) => s.addTicketMessage(1, 'TKT456', message('Late', '2024-03-02T07:59:00Z'))],
  ['a reply to another customer’s ticket', (s) => s.addTicketMessage(2, 'TKT456', message('Sneaky'))],
  ['a return', (s) => s.createReturn(1, { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Broken', description: null, created_at: at })],
  ['a partial update', (s) => s.updateCustomer(1, { theme: 'dark', avatar: null, notification_settings: { email: false } })],
  ['a notification read', (s) => s.markNotificationRead(1, 1)],
  ['a notification read again', (s) => s.markNotificationRead(1, 1)],
  ['another customer’s notification', (s) => s.markNotificationRead(2, 1)],
];

export const afterWrites: Call[] = [
  ['unicode subjects fold like JavaScript', (s) => s.listTickets(1, { ...page, search: 'ÉQUIPEMENT' })],
  ['the moved ticket', (s) => s.getTicket(1, 'TKT456')],
  ['returned items of the new return', (s) => s.returnedItems(1, 'ORD118')],
];

/**
 * Two replies to one ticket, the later-stamped one committed first: what happens when two processes (or two
 * connections) reply at once and the one whose clock was read first waits longer for the write lock. The
 * ticket's updated_at must not go back, and the messages, listed in the order they were committed, must
 * carry times that never go back either.
 * @returns the ticket afterwards and the reply committed second, as stored.
 */
export async function repliesCommittedOutOfClockOrder(first: PortalStore, second: PortalStore) {
  const stampedLater = '2024-03-02T08:00:01.000Z';
  const stampedEarlier = '2024-03-02T08:00:00.000Z';
  await first.addTicketMessage(1, 'TKT456', message('stamped later, committed first', stampedLater));
  const committedSecond = await second.addTicketMessage(1, 'TKT456', message('stamped earlier, committed second', stampedEarlier));
  return { ticket: (await first.getTicket(1, 'TKT456'))!, committedSecond: committedSecond!, stampedLater };
}
