import type { OperationId, OperationInput } from '../types.js';
import { getProfile, getSettings, updateProfile, updateSettings } from './account.js';
import type { ContextOf, OperationResult } from './context.js';
import { getDashboard } from './dashboard.js';
import { login } from './login.js';
import { listNotifications, markNotificationRead } from './notifications.js';
import { getOrder, listOrders, trackOrder } from './orders.js';
import { requestReturn } from './returns.js';
import { addTicketMessage, createTicket, getTicket, listTickets } from './tickets.js';

export { itemsAlreadyReturned } from './returns.js';
export { profileOf } from './account.js';

export type { ContextBySecurity, HostAuth, OperationResult } from './context.js';
export { TOKEN_LIFETIME_SECONDS } from './context.js';

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
