/**
 * Rows as PostgreSQL returns them: booleans are booleans, and a page or a ticket brings its children as
 * parsed JSON. Orders, returns and tickets have SQLite's row shapes and reuse ../rows.ts.
 */
import type { CustomerRecord, Notification, Return, StoredMessage } from '@customer-portal/core';
import type { CustomerRow, MessageRow, NotificationRow, OrderItemRow, OrderRow, OrderSummaryRow, TicketRow } from '../rows.js';

type WithBooleans<Row, Keys extends keyof Row> = Omit<Row, Keys> & { [K in Keys]: boolean };

export type PgCustomerRow = WithBooleans<
  Omit<CustomerRow, 'password_hash'>,
  'notifications_enabled' | 'notify_email' | 'notify_order_updates' | 'notify_refund_updates' | 'notify_support_replies'
>;
export type PgMessageRow = WithBooleans<Omit<MessageRow, 'ticket_id'>, 'is_internal'>;
export type PgNotificationRow = WithBooleans<Omit<NotificationRow, 'customer_id'>, 'read'>;

export type PgOrderRow = OrderRow & { items: OrderItemRow[] };
export type PgOrderSummaryRow = OrderSummaryRow & { items: OrderItemRow[] };
export type PgTicketRow = TicketRow & { messages: PgMessageRow[] };

/** jsonb items come back as an array: the row is the Return itself. */
export type PgReturnRow = Return;

/** The password hash stays in the row; no domain object carries it. */
export function customerOf(row: PgCustomerRow): CustomerRecord {
  return {
    id: row.id,
    email: row.email,
    full_name: row.full_name,
    avatar: row.avatar,
    member_since: row.member_since,
    language: row.language,
    theme: row.theme,
    notifications_enabled: row.notifications_enabled,
    notification_settings: {
      email: row.notify_email,
      order_updates: row.notify_order_updates,
      refund_updates: row.notify_refund_updates,
      support_replies: row.notify_support_replies,
    },
    timezone: row.timezone,
    currency: row.currency,
  };
}

export function messageOf(row: PgMessageRow): StoredMessage {
  return {
    id: row.id,
    sender_id: row.sender_id,
    sender_name: row.sender_name,
    sender_type: row.sender_type,
    content: row.content,
    timestamp: row.timestamp,
    is_internal: row.is_internal,
  };
}

export function notificationOf(row: PgNotificationRow): Notification {
  return { id: row.id, title: row.title, message: row.message, type: row.type, read: row.read, timestamp: row.timestamp };
}
