import type { OperationId } from '../types.js';
import { getProfile, getSettings, updateProfile, updateSettings } from './account.js';
import type { OperationContext, OperationResult } from './context.js';
import { getDashboard } from './dashboard.js';
import { listNotifications, markNotificationRead } from './notifications.js';
import { getOrder, listOrders, trackOrder } from './orders.js';
import { requestReturn } from './returns.js';
import { addTicketMessage, createTicket, getTicket, listTickets } from './tickets.js';

export { login, type HostAuth } from './login.js';
export { itemsAlreadyReturned } from './returns.js';
export type { OperationContext, OperationResult } from './context.js';

// Input types are checked inside each operation; here they meet the validator's output.
type ProtectedOperation = (input: never, context: OperationContext) => Promise<OperationResult>;

/** Every operation that needs a signed-in customer, by operationId. */
export const protectedOperations: Record<Exclude<OperationId, 'login'>, ProtectedOperation> = {
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

export {
  addTicketMessage,
  createTicket,
  getDashboard,
  getOrder,
  getProfile,
  getSettings,
  getTicket,
  listNotifications,
  listOrders,
  listTickets,
  markNotificationRead,
  requestReturn,
  trackOrder,
  updateProfile,
  updateSettings,
};
