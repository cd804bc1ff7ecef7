/** Rows as SQLite returns them, and how they become the domain objects of core's store interface. */
import type { CustomerRecord, Notification, Order, OrderRecord, Return, StoredMessage, TicketSummary } from '@customer-portal/core';

export interface CustomerRow {
  id: number;
  email: string;
  password_hash: string;
  full_name: string;
  avatar: string | null;
  member_since: string;
  language: string;
  theme: CustomerRecord['theme'];
  notifications_enabled: number;
  notify_email: number;
  notify_order_updates: number;
  notify_refund_updates: number;
  notify_support_replies: number;
  timezone: string;
  currency: string;
}

export interface OrderRow {
  id: string;
  seq: number;
  customer_id: number;
  status: Order['status'];
  total: number;
  created_at: string;
  estimated_delivery: string | null;
  tracking_number: string | null;
  current_location: string | null;
  courier_name: string | null;
  courier_contact: string | null;
}

/** The columns of an order that a list of orders shows. */
export type OrderSummaryRow = Pick<OrderRow, 'id' | 'status' | 'total' | 'created_at' | 'estimated_delivery' | 'tracking_number'>;

export interface OrderItemRow {
  order_id: string;
  id: string;
  product_name: string;
  quantity: number;
  price: number;
  subtotal: number;
}

export interface ReturnRow {
  id: string;
  order_id: string;
  items: string;
  reason: string;
  description: string | null;
  status: Return['status'];
  created_at: string;
}

export interface TicketRow {
  id: string;
  seq: number;
  customer_id: number;
  subject: string;
  status: TicketSummary['status'];
  priority: TicketSummary['priority'];
  order_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessageRow {
  id: string;
  ticket_id: string;
  sender_id: number;
  sender_name: string;
  sender_type: StoredMessage['sender_type'];
  content: string;
  timestamp: string;
  is_internal: number;
}

export interface NotificationRow {
  id: number;
  customer_id: number;
  title: string;
  message: string;
  type: Notification['type'];
  read: number;
  timestamp: string;
}

/** SQLite has no boolean type: 1 and 0. */
export function flag(value: boolean): number {
  return value ? 1 : 0;
}

/** The password hash stays in the row; no domain object carries it. */
export function customerOf(row: Omit<CustomerRow, 'password_hash'>): CustomerRecord {
  return {
    id: row.id,
    email: row.email,
    full_name: row.full_name,
    avatar: row.avatar,
    member_since: row.member_since,
    language: row.language,
    theme: row.theme,
    notifications_enabled: row.notifications_enabled === 1,
    notification_settings: {
      email: row.notify_email === 1,
      order_updates: row.notify_order_updates === 1,
      refund_updates: row.notify_refund_updates === 1,
      support_replies: row.notify_support_replies === 1,
    },
    timezone: row.timezone,
    currency: row.currency,
  };
}

export function orderOf(row: OrderSummaryRow, items: OrderItemRow[]): Order {
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    created_at: row.created_at,
    estimated_delivery: row.estimated_delivery,
    tracking_number: row.tracking_number,
    items: items.map(orderItemOf),
  };
}

/** An item without the order it belongs to (spelled out: a rest pattern copies slowly on this hot path). */
function orderItemOf(item: OrderItemRow): Order['items'][number] {
  return { id: item.id, product_name: item.product_name, quantity: item.quantity, price: item.price, subtotal: item.subtotal };
}

/** An order with its shipment; an order with no courier data has not shipped, so its shipment is null. */
export function orderRecordOf(row: OrderRow, items: OrderItemRow[]): OrderRecord {
  const { current_location, courier_name, courier_contact } = row;
  const shipped = current_location !== null || courier_name !== null || courier_contact !== null;
  // Added to orderOf's object rather than spread into a new one (see insertMessage in sqlite-store.ts).
  return Object.assign(orderOf(row, items), { shipment: shipped ? { current_location, courier_name, courier_contact } : null });
}

export function returnOf(row: ReturnRow): Return {
  return {
    id: row.id,
    order_id: row.order_id,
    items: JSON.parse(row.items) as string[],
    reason: row.reason,
    description: row.description,
    status: row.status,
    created_at: row.created_at,
  };
}

export function ticketSummaryOf(row: TicketRow): TicketSummary {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    order_id: row.order_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function messageOf(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    sender_id: row.sender_id,
    sender_name: row.sender_name,
    sender_type: row.sender_type,
    content: row.content,
    timestamp: row.timestamp,
    is_internal: row.is_internal === 1,
  };
}

export function notificationOf(row: NotificationRow): Notification {
  return { id: row.id, title: row.title, message: row.message, type: row.type, read: row.read === 1, timestamp: row.timestamp };
}
