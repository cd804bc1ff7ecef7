/**
 * The contract's operations: the API's behaviour, read in one place. What an operation receives (its
 * validated input and the context its `security` asks for) and the results it gives come first; then each
 * operation, grouped by resource in the contract's order; then the table `portal.serve()` runs them from.
 */
import { trackingStepLabelValues } from '@customer-portal/sdk';
import type { operationSecurity } from './document.js';
import { invalidCredentials, notFound, ruleViolated, type ApiError } from './errors.js';
import type { CustomerPatch, CustomerRecord, NewMessage, Page, PortalStore, StoredMessage, StoredTicket } from './store.js';
import type {
  Dashboard,
  Notification,
  OperationId,
  OperationInput,
  Order,
  OrderStatus,
  OrderTracking,
  Profile,
  Return,
  Settings,
  Ticket,
  TicketMessage,
  TicketStatus,
  TicketSummary,
  TokenResponse,
} from './types.js';

// What an operation receives besides its input, and what it gives back.

/** What an operation that needs a signed-in customer receives besides its input. */
interface OperationContext {
  store: PortalStore;
  customer: CustomerRecord;
  /** The current time as an RFC 3339 UTC timestamp. */
  now(): string;
}

/** Seconds a bearer token stays valid, on the reference server and in the mocks: what `expires_in` announces. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** How a host proves who a customer is: its own password hashing and its own tokens. */
export interface HostAuth {
  /**
   * Compares a password with the stored hash. Called with `undefined` for an unknown email, when it must
   * take as long as a real comparison and return false, so that timing does not reveal which accounts exist.
   */
  verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean>;
  issueToken(customerId: number): Promise<{ access_token: string; expires_in: number }>;
  /**
   * The device token a successful sign-in answers for `account` (the lower-cased email), given the one the
   * client sent, if any. A host without device tokens leaves it out, and sign-in answers none.
   */
  issueDeviceToken?(account: string, presented: string | undefined): Promise<string>;
  /** The customer id a bearer token names, or undefined when the token is not valid. */
  verifyToken(token: string): Promise<number | undefined>;
}

/** What an operation that anyone may call receives: the store and the host's way of signing customers in. */
interface AnonymousContext {
  store: PortalStore;
  auth: HostAuth;
}

/** An operation's context by the security scheme the contract names for it. */
export interface ContextBySecurity {
  none: AnonymousContext;
  bearerAuth: OperationContext;
}

/** The context of one operation, as its `security` in openapi.yaml says. */
type ContextOf<K extends OperationId> = ContextBySecurity[(typeof operationSecurity)[K]];

interface OperationResult<T = unknown> {
  status: 200 | 201;
  body: T;
  headers?: Record<string, string>;
}

function ok<T>(body: T, headers?: Record<string, string>): OperationResult<T> {
  return headers ? { status: 200, body, headers } : { status: 200, body };
}

function created<T>(body: T): OperationResult<T> {
  return { status: 201, body };
}

/** A page of a list, with the number of matches before paging in `X-Total-Count`. */
function listed<T>(page: { items: T[]; total: number }): OperationResult<T[]> {
  return ok(page.items, { 'X-Total-Count': String(page.total) });
}

/**
 * `limit` and `offset` as the validator left them. It has already applied the spec's defaults; the
 * fallbacks only exist because the generated types mark defaulted parameters optional.
 */
function pageOf(query: { limit?: number; offset?: number }): Page {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

/** A status filter as sent (`all`, `shipped`, `in-progress`...) as the stored status, or none for `all`. */
function statusFilter<S extends string>(value: string | undefined): S | undefined {
  const status = (value ?? 'all').toUpperCase().replace('-', '_');
  return status === 'ALL' ? undefined : (status as S);
}

/** An empty search means no search. */
function searchTerm(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

// Sign-in (/auth/login): the one operation anyone may call.

/** A wrong password and an unknown email give the same answer; a success, a device token where the host issues them. */
async function login(
  { body }: OperationInput<'login'>,
  { store, auth }: AnonymousContext,
): Promise<OperationResult<TokenResponse>> {
  const credentials = await store.findCredentials(body.email.toLowerCase());
  const valid = await auth.verifyPassword(credentials?.passwordHash, body.password);
  if (!credentials || !valid) throw invalidCredentials();
  const token = await auth.issueToken(credentials.customerId);
  const deviceToken = await auth.issueDeviceToken?.(body.email.toLowerCase(), body.device_token);
  return ok({
    access_token: token.access_token,
    token_type: 'bearer',
    expires_in: token.expires_in,
    ...(deviceToken !== undefined && { device_token: deviceToken }),
  });
}

// The dashboard (/api/v1/customer/dashboard).

const ACTIVE_ORDERS: OrderStatus[] = ['PENDING', 'PROCESSING', 'SHIPPED'];
const OPEN_TICKETS: TicketStatus[] = ['OPEN', 'IN_PROGRESS'];
const RESOLVED_TICKETS: TicketStatus[] = ['RESOLVED', 'CLOSED'];
const RECENT = { limit: 5, offset: 0 };

/** Computed from the data on every request, never stored. */
async function getDashboard(_input: unknown, { store, customer }: OperationContext): Promise<OperationResult<Dashboard>> {
  const [orderCounts, ticketCounts, pendingRefunds, orders, tickets] = await Promise.all([
    store.countOrdersByStatus(customer.id),
    store.countTicketsByStatus(customer.id),
    store.countPendingReturns(customer.id),
    store.listOrders(customer.id, RECENT),
    store.listTickets(customer.id, RECENT),
  ]);
  return ok({
    stats: {
      open_tickets: sum(ticketCounts, OPEN_TICKETS),
      active_orders: sum(orderCounts, ACTIVE_ORDERS),
      pending_refunds: pendingRefunds,
      resolved_tickets: sum(ticketCounts, RESOLVED_TICKETS),
    },
    recent_orders: orders.items.map((o) => ({
      id: o.id,
      status: o.status,
      total: o.total,
      created_at: o.created_at,
      item_count: o.items.reduce((units, item) => units + item.quantity, 0),
    })),
    recent_tickets: tickets.items.map((t) => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      created_at: t.created_at,
    })),
  });
}

function sum<S extends string>(counts: Partial<Record<S, number>>, statuses?: S[]): number {
  const keys = statuses ?? (Object.keys(counts) as S[]);
  return keys.reduce((total, status) => total + (counts[status] ?? 0), 0);
}

// Orders (/api/v1/customer/orders, /orders/{order_id}, /orders/track/{order_id}).

async function listOrders(
  { query }: OperationInput<'listOrders'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Order[]>> {
  const status = statusFilter<OrderStatus>(query.status);
  const search = searchTerm(query.search);
  return listed(await store.listOrders(customer.id, { ...pageOf(query), ...(status && { status }), ...(search && { search }) }));
}

async function getOrder(
  { path }: OperationInput<'getOrder'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Order>> {
  const order = await store.getOrder(customer.id, path.order_id);
  if (!order) throw orderNotFound(path.order_id);
  const { shipment: _shipment, ...visible } = order;
  return ok(visible);
}

/** How many of the five steps each status has completed (see trackOrder in openapi.yaml). */
const COMPLETED_STEPS: Record<OrderStatus, number> = {
  PENDING: 1,
  CANCELLED: 1,
  PROCESSING: 2,
  SHIPPED: 4,
  DELIVERED: 5,
  RETURNED: 5,
};

async function trackOrder(
  { path }: OperationInput<'trackOrder'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<OrderTracking>> {
  const order = await store.getOrder(customer.id, path.order_id);
  if (!order) throw orderNotFound(path.order_id);
  const completed = COMPLETED_STEPS[order.status];
  return ok({
    order_id: order.id,
    status: order.status,
    tracking_number: order.tracking_number,
    current_location: order.shipment?.current_location ?? null,
    estimated_delivery: order.estimated_delivery,
    courier_name: order.shipment?.courier_name ?? null,
    courier_contact: order.shipment?.courier_contact ?? null,
    steps: trackingStepLabelValues.map((label, index) => ({
      label,
      completed: index < completed,
      current: index === completed - 1,
    })),
  });
}

function orderNotFound(orderId: string) {
  return notFound(`Order ${orderId} was not found.`);
}

// Returns (/api/v1/customer/orders/return).

/** A return is accepted only for a delivered order, for its own items, and once per item. */
async function requestReturn(
  { body }: OperationInput<'requestReturn'>,
  { store, customer, now }: OperationContext,
): Promise<OperationResult<Return>> {
  const order = await store.getOrder(customer.id, body.order_id);
  if (!order) throw orderNotFound(body.order_id);
  if (order.status !== 'DELIVERED') {
    throw ruleViolated(
      `Order ${order.id} is ${order.status.toLowerCase()}; only delivered orders can be returned.`,
      [{ location: 'body.order_id', message: `Order ${order.id} has not been delivered, so it cannot be returned yet.` }],
    );
  }

  // Entries name items by product name or by item id; the return records product names.
  const names: string[] = [];
  const unknown: string[] = [];
  for (const entry of body.items) {
    const item = order.items.find((i) => i.id === entry || i.product_name.toLowerCase() === entry.toLowerCase());
    if (!item) unknown.push(entry);
    else if (!names.includes(item.product_name)) names.push(item.product_name);
  }
  if (unknown.length > 0) {
    throw ruleViolated(
      `${quoteList(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not in order ${order.id}.`,
      unknown.map((entry) => ({ location: `body.items.${body.items.indexOf(entry)}`, message: `"${entry}" is not in order ${order.id}.` })),
    );
  }

  // Checked here for the common case, and again by the store inside its write (two requests, or two server
  // processes, may pass this check at the same time: issue 16).
  const already = new Set(await store.returnedItems(customer.id, order.id));
  const repeated = names.filter((name) => already.has(name));
  if (repeated.length > 0) throw itemsAlreadyReturned(order.id, repeated);

  const created_ = await store.createReturn(customer.id, {
    order_id: order.id,
    items: names,
    reason: body.reason,
    description: body.description ?? null,
    created_at: now(),
  });
  return created(created_);
}

/**
 * The refusal of a return for items that already have one. Stores throw it too, from inside the write that
 * would have recorded the second return.
 *
 * @example
 * throw itemsAlreadyReturned('ORD122', ['Wireless Mouse']);
 */
export function itemsAlreadyReturned(orderId: string, repeated: string[]): ApiError {
  return ruleViolated(`A return has already been requested for ${quoteList(repeated)} of order ${orderId}.`, [
    { location: 'body.items', message: `A return has already been requested for ${quoteList(repeated)}.` },
  ]);
}

function quoteList(values: string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

// Support tickets (/api/v1/customer/tickets, /tickets/{ticket_id}, /tickets/{ticket_id}/messages).

async function listTickets(
  { query }: OperationInput<'listTickets'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<TicketSummary[]>> {
  const status = statusFilter<TicketStatus>(query.status);
  const search = searchTerm(query.search);
  return listed(await store.listTickets(customer.id, { ...pageOf(query), ...(status && { status }), ...(search && { search }) }));
}

/** The description becomes the ticket's first message, from the customer. */
async function createTicket(
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

async function getTicket(
  { path }: OperationInput<'getTicket'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Ticket>> {
  const ticket = await store.getTicket(customer.id, path.ticket_id);
  if (!ticket) throw ticketNotFound(path.ticket_id);
  return ok(asSeenByCustomer(ticket));
}

async function addTicketMessage(
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

// The profile and the settings (/api/v1/customer/profile, /settings).

async function getProfile(_input: unknown, context: OperationContext): Promise<OperationResult<Profile>> {
  return ok(await profileOf(context.customer, context.store));
}

/** A partial update; `preferences` merges, and its theme is the settings' theme. */
async function updateProfile(
  { body }: OperationInput<'updateProfile'>,
  context: OperationContext,
): Promise<OperationResult<Profile>> {
  const patch: CustomerPatch = {};
  if (body.full_name !== undefined) patch.full_name = body.full_name;
  if (body.avatar !== undefined) patch.avatar = body.avatar;
  const preferences = body.preferences ?? {};
  if (preferences.language !== undefined) patch.language = preferences.language;
  if (preferences.notifications !== undefined) patch.notifications_enabled = preferences.notifications;
  if (preferences.theme !== undefined) patch.theme = preferences.theme;
  const customer = await context.store.updateCustomer(context.customer.id, patch);
  return ok(await profileOf(customer, context.store));
}

async function getSettings(_input: unknown, { customer }: OperationContext): Promise<OperationResult<Settings>> {
  return ok(settingsOf(customer));
}

/** A partial update; `notifications` and `general` each merge, and the theme is the profile's theme. */
async function updateSettings(
  { body }: OperationInput<'updateSettings'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Settings>> {
  const patch: CustomerPatch = {};
  if (body.notifications) patch.notification_settings = body.notifications;
  const general = body.general ?? {};
  if (general.theme !== undefined) patch.theme = general.theme;
  if (general.timezone !== undefined) patch.timezone = general.timezone;
  if (general.currency !== undefined) patch.currency = general.currency;
  return ok(settingsOf(await store.updateCustomer(customer.id, patch)));
}

/** A customer as the contract's `Profile` shows them (what an override of the mocks is given as `customer`). */
export async function profileOf(customer: CustomerRecord, store: PortalStore): Promise<Profile> {
  const [orders, tickets] = await Promise.all([store.countOrdersByStatus(customer.id), store.countTicketsByStatus(customer.id)]);
  return {
    id: customer.id,
    email: customer.email,
    full_name: customer.full_name,
    avatar: customer.avatar,
    preferences: { language: customer.language, notifications: customer.notifications_enabled, theme: customer.theme },
    total_orders: sum(orders),
    total_tickets: sum(tickets),
    member_since: customer.member_since,
  };
}

function settingsOf(customer: CustomerRecord): Settings {
  return {
    notifications: { ...customer.notification_settings },
    general: { theme: customer.theme, timezone: customer.timezone, currency: customer.currency },
  };
}

// Notifications (/api/v1/customer/notifications, /notifications/{notification_id}/read).

async function listNotifications(
  { query }: OperationInput<'listNotifications'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Notification[]>> {
  return listed(await store.listNotifications(customer.id, { ...pageOf(query), unreadOnly: query.unread_only === true }));
}

/** Idempotent: marking a read notification again returns it unchanged. */
async function markNotificationRead(
  { path }: OperationInput<'markNotificationRead'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Notification>> {
  const notification = await store.markNotificationRead(customer.id, path.notification_id);
  if (!notification) throw notFound(`Notification ${path.notification_id} was not found.`);
  return ok(notification);
}

// The table `portal.serve()` runs an operation from.

/**
 * Every operation of the contract, by operationId. Each receives its validated input and the context its
 * `security` in openapi.yaml asks for: a signed-in customer (`bearerAuth`) or none (`login`).
 */
export const operations: { [K in OperationId]: (input: OperationInput<K>, context: ContextOf<K>) => Promise<OperationResult> } = {
  login,
  getDashboard,
  listOrders,
  getOrder,
  trackOrder,
  requestReturn,
  listTickets,
  createTicket,
  getTicket,
  addTicketMessage,
  getProfile,
  updateProfile,
  getSettings,
  updateSettings,
  listNotifications,
  markNotificationRead,
};
