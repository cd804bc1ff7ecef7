/**
 * What the SQLite store holds beyond the contract (password hashes, internal notes) never reaches an answer,
 * whoever asks for what. Who may see what is core's rule (core/test/operations/isolation.test.ts); here the
 * real server's answers are read whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, SARA, startTestServer, type CallOptions, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const asked: [account: typeof ALI, path: string, options: CallOptions][] = [
  [SARA, '/api/v1/customer/orders/ORD123', {}],
  [SARA, '/api/v1/customer/orders/track/ORD123', {}],
  [SARA, '/api/v1/customer/tickets/TKT456', {}],
  [SARA, '/api/v1/customer/tickets/TKT456/messages', { json: { content: 'Hi Ali' } }],
  [SARA, '/api/v1/customer/notifications/1/read', { method: 'PUT' }],
  [SARA, '/api/v1/customer/orders/return', { json: { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'x' } }],
  [SARA, '/api/v1/customer/tickets', { json: { subject: 'x', description: 'y', order_id: 'ORD123' } }],
  [SARA, '/api/v1/customer/profile', {}],
  [SARA, '/api/v1/customer/tickets', {}],
  [ALI, '/api/v1/customer/tickets/TKT456', {}],
  [ALI, '/api/v1/customer/profile', {}],
];

describe('the answers of the real server', () => {
  it('never show a password, a hash or an internal note, whoever asks for what', async () => {
    const tokens = new Map([[ALI, await server.signIn(ALI)], [SARA, await server.signIn(SARA)]]);
    for (const [account, path, options] of asked) {
      const reply = await server.call(path, { token: tokens.get(account)!, ...options });
      expect(reply.text, path).not.toMatch(/password|scrypt\$|customer123|customer456|is_internal":true|No escalation needed/i);
    }
  });
});
