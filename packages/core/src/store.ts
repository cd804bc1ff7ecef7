/**
 * The store interface the operations work through. It speaks in domain operations, each atomic on its own,
 * and is asynchronous so that any database can sit behind it (SQLite in the server, memory in the mocks).
 * Every read and write is scoped to one customer: a store never returns another customer's rows.
 */
import type {
  Notification,
  Order,
  OrderStatus,
  Return,
  Ticket,
  TicketMessage,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  Theme,
} from './types.js';

export interface Page {
  limit: number;
  offset: number;
}

export interface PageOf<T> {
  items: T[];
  /** Matching items before paging. */
  total: number;
}

interface Credentials {
  customerId: number;
  passwordHash: string;
}

export interface CustomerRecord {
  id: number;
  email: string;
  full_name: string;
  avatar: string | null;
  member_since: string;
  language: string;
  /** The one stored theme, shown in profile.preferences and settings.general. */
  theme: Theme;
  notifications_enabled: boolean;
  notification_settings: {
    email: boolean;
    order_updates: boolean;
    refund_updates: boolean;
    support_replies: boolean;
  };
  timezone: string;
  currency: string;
}

/** A partial update: only the fields present change; nested groups merge. */
export interface CustomerPatch {
  full_name?: string;
  avatar?: string | null;
  language?: string;
  theme?: CustomerRecord['theme'];
  notifications_enabled?: boolean;
  notification_settings?: Partial<CustomerRecord['notification_settings']>;
  timezone?: string;
  currency?: string;
}

export interface Shipment {
  current_location: string | null;
  courier_name: string | null;
  courier_contact: string | null;
}

export interface OrderRecord extends Order {
  shipment: Shipment | null;
}

/** A ticket message as stored, including agents' internal notes, which the operations filter out. */
export interface StoredMessage extends Omit<TicketMessage, 'is_internal'> {
  is_internal: boolean;
}

export interface StoredTicket extends Omit<Ticket, 'messages'> {
  messages: StoredMessage[];
}

export interface OrderFilter extends Page {
  status?: OrderStatus;
  search?: string;
}

export interface TicketFilter extends Page {
  status?: TicketStatus;
  search?: string;
}

export interface NotificationFilter extends Page {
  unreadOnly: boolean;
}

export interface NewTicket {
  subject: string;
  priority: TicketPriority;
  order_id: string | null;
  /** Becomes the ticket's first message, from the customer. */
  firstMessage: NewMessage;
}

export interface NewMessage {
  sender_id: number;
  sender_name: string;
  sender_type: 'customer' | 'agent';
  content: string;
  timestamp: string;
}

export interface NewReturn {
  order_id: string;
  items: string[];
  reason: string;
  description: string | null;
  created_at: string;
}

/** A customer, and a version of everything the customer can read (see PortalStore.getCustomerWithVersion). */
export interface VersionedCustomer {
  customer: CustomerRecord;
  /** Differs whenever anything the customer can read may have changed, through any process. */
  version: string;
}

export interface PortalStore {
  findCredentials(email: string): Promise<Credentials | undefined>;
  getCustomer(customerId: number): Promise<CustomerRecord | undefined>;
  /**
   * The customer with the version of their data, read together (one round trip on a database server): what
   * lets a host answer a repeated read from memory while the version stays the same, and still show the next
   * read a write that any process acknowledged. Optional: without it, every read is worked out.
   */
  getCustomerWithVersion?(customerId: number): Promise<VersionedCustomer | undefined>;
  updateCustomer(customerId: number, patch: CustomerPatch): Promise<CustomerRecord>;

  /** Newest first, filtered by exact status and case-insensitive literal id substring. */
  listOrders(customerId: number, filter: OrderFilter): Promise<PageOf<Order>>;
  getOrder(customerId: number, orderId: string): Promise<OrderRecord | undefined>;
  countOrdersByStatus(customerId: number): Promise<Partial<Record<OrderStatus, number>>>;

  /** Product names of the order's items that already have a return request, whatever its status. */
  returnedItems(customerId: number, orderId: string): Promise<string[]>;
  /**
   * Records the return. Atomic with its own check: when any of the items already has a return request (one
   * written since the caller's returnedItems, perhaps by another process), it records nothing and throws
   * itemsAlreadyReturned(order_id, those items).
   */
  createReturn(customerId: number, request: NewReturn): Promise<Return>;
  /** Returns that are neither refunded nor rejected. */
  countPendingReturns(customerId: number): Promise<number>;

  /** Newest first, filtered by exact status and case-insensitive literal subject-or-id substring. */
  listTickets(customerId: number, filter: TicketFilter): Promise<PageOf<TicketSummary>>;
  /** The ticket with every message, internal notes included, oldest first. */
  getTicket(customerId: number, ticketId: string): Promise<StoredTicket | undefined>;
  countTicketsByStatus(customerId: number): Promise<Partial<Record<TicketStatus, number>>>;
  /** Creates the ticket and its first message together. */
  createTicket(customerId: number, ticket: NewTicket): Promise<StoredTicket>;
  /**
   * Adds the message and moves the ticket's updated_at together; undefined when the ticket is not theirs.
   * The message is stamped no earlier than the ticket's updated_at as it stands when the write holds its lock
   * (laterOf): a reply whose clock was read before another reply was stored takes that reply's time, so
   * updated_at never goes back and messages, listed in the order they were stored, stay in time order.
   */
  addTicketMessage(customerId: number, ticketId: string, message: NewMessage): Promise<StoredMessage | undefined>;

  /** Newest first. */
  listNotifications(customerId: number, filter: NotificationFilter): Promise<PageOf<Notification>>;
  /** Idempotent; undefined when the notification is not theirs. */
  markNotificationRead(customerId: number, notificationId: number): Promise<Notification | undefined>;
}

/**
 * The later of two RFC 3339 timestamps, compared as every store compares them: as text.
 *
 * @example
 * laterOf('2024-03-02T08:00:00.000Z', '2024-03-02T08:00:01.000Z'); // '2024-03-02T08:00:01.000Z'
 */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** A store that knows its data versions, as the server's database stores do. */
export type VersionedStore = PortalStore & Required<Pick<PortalStore, 'getCustomerWithVersion'>>;
