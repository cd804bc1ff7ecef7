import { notFound } from '../errors.js';
import type { Notification, OperationInput } from '../types.js';
import { listed, ok, pageOf, type OperationContext, type OperationResult } from './context.js';

export async function listNotifications(
  { query }: OperationInput<'listNotifications'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Notification[]>> {
  return listed(await store.listNotifications(customer.id, { ...pageOf(query), unreadOnly: query.unread_only === true }));
}

/** Idempotent: marking a read notification again returns it unchanged. */
export async function markNotificationRead(
  { path }: OperationInput<'markNotificationRead'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Notification>> {
  const notification = await store.markNotificationRead(customer.id, path.notification_id);
  if (!notification) throw notFound(`Notification ${path.notification_id} was not found.`);
  return ok(notification);
}
