/**
 * Requests that break the contract, for every operation it applies to: a body that does not parse (400), one
 * over 100 kB (413), one that is not JSON (415), and a request that breaks the schema (422, naming the field).
 */
import { describe, it } from 'vitest';
import { customer, needs, send } from '../src/runtime/suite.js';
import { expectProblem } from './support/problems.js';
import { bodyRequests } from './support/spec-requests.js';

const withBody = bodyRequests.map((r) => [r.operation.operationId, r] as const);

describe('bodies a host cannot take', () => {
  // Prism (mock or proxy) parses JSON itself and answers its own, non-problem 400: hence `direct`.
  needs('rules', 'direct').each(withBody)('%s: malformed JSON is a 400 problem', async (_id, request) => {
    const { token } = await customer();
    expectProblem(await send(request.method, request.path, { token: token!, contentType: 'application/json', body: '{"unterminated": ' }), 400);
  });

  needs('rules').each(withBody)('%s: a body over 100 kB is a 413 problem', async (_id, request) => {
    const { token } = await customer();
    const body = JSON.stringify({ padding: 'x'.repeat(101 * 1024) });
    expectProblem(await send(request.method, request.path, { token: token!, contentType: 'application/json', body }), 413);
  });

  needs('rules').each(withBody)('%s: a body that is not JSON is a 415 problem', async (_id, request) => {
    const { token } = await customer();
    expectProblem(await send(request.method, request.path, { token: token!, contentType: 'text/plain', body: 'hello' }), 415);
  });
});

/** One request per operation that documents a 422, breaking its schema in one field. */
const SCHEMA_BREAKS = [
  ['login', 'POST', '/auth/login', { email: 'not-an-email', password: 'x' }, 'body.email'],
  ['listOrders', 'GET', '/api/v1/customer/orders?status=lost', undefined, 'query.status'],
  ['listOrders', 'GET', '/api/v1/customer/orders?limit=0', undefined, 'query.limit'],
  ['listOrders', 'GET', '/api/v1/customer/orders?limit=101', undefined, 'query.limit'],
  ['listOrders', 'GET', '/api/v1/customer/orders?limit=ten', undefined, 'query.limit'],
  ['listOrders', 'GET', '/api/v1/customer/orders?offset=-1', undefined, 'query.offset'],
  ['getOrder', 'GET', `/api/v1/customer/orders/${'X'.repeat(65)}`, undefined, 'path.order_id'],
  ['trackOrder', 'GET', '/api/v1/customer/orders/track/ORD%20123', undefined, 'path.order_id'],
  ['requestReturn', 'POST', '/api/v1/customer/orders/return', { order_id: 'ORD118', items: ['Speaker'] }, 'body.reason'],
  ['listTickets', 'GET', '/api/v1/customer/tickets?status=pending', undefined, 'query.status'],
  ['listTickets', 'GET', `/api/v1/customer/tickets?search=${'x'.repeat(101)}`, undefined, 'query.search'],
  ['createTicket', 'POST', '/api/v1/customer/tickets', { subject: '   ', description: 'Blank subject' }, 'body.subject'],
  ['createTicket', 'POST', '/api/v1/customer/tickets', { subject: 'Help', description: 'Now', priority: 'CRITICAL' }, 'body.priority'],
  ['getTicket', 'GET', '/api/v1/customer/tickets/TKT.456', undefined, 'path.ticket_id'],
  ['addTicketMessage', 'POST', '/api/v1/customer/tickets/TKT456/messages', { content: '' }, 'body.content'],
  ['updateProfile', 'PUT', '/api/v1/customer/profile', { preferences: { theme: 'blue' } }, 'body.preferences.theme'],
  ['updateSettings', 'PUT', '/api/v1/customer/settings', { general: { currency: 'usd' } }, 'body.general.currency'],
  ['updateSettings', 'PUT', '/api/v1/customer/settings', { general: { timezone: 'UTC+15' } }, 'body.general.timezone'],
  ['listNotifications', 'GET', '/api/v1/customer/notifications?unread_only=maybe', undefined, 'query.unread_only'],
  ['markNotificationRead', 'PUT', '/api/v1/customer/notifications/abc/read', undefined, 'path.notification_id'],
] as const;

async function sendBreak(method: string, path: string, body: unknown) {
  const { token } = await customer();
  return send(method, path, { token: token!, ...(body === undefined ? {} : { contentType: 'application/json', body: JSON.stringify(body) }) });
}

describe('requests that break the schema', () => {
  it.each(SCHEMA_BREAKS)('%s: %s %s is a 422 problem', async (_id, method, path, body) => {
    expectProblem(await sendBreak(method, path, body), 422);
  });

  const naming = (id: string, method: string, path: string, _body: unknown, location: string) => `${id}: ${method} ${path} is a 422 naming ${location}`;
  needs('rules').each(SCHEMA_BREAKS)(naming, async (_id, method, path, body, location) => {
    expectProblem(await sendBreak(method, path, body), 422, location);
  });
});
