/**
 * The README's "Working against a backend half built" Node example, as written there: a change that breaks it
 * breaks this file.
 */
import { startServer } from '@customer-portal/server';
import { setupPortalServer } from '@customer-portal/mocks/node';
import { createPortalClient } from '@customer-portal/sdk';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

// Your staging backend's URL; here the reference server plays it.
const backend = await startServer({ port: 0, host: '127.0.0.1', databasePath: ':memory:', log: false });
const server = setupPortalServer({
  baseUrl: 'http://mock.portal.test',
  backend: { baseUrl: backend.url, operations: ['listOrders', 'getOrder'], onBreach: 'fail' },
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState()); // the mocks' data and both sign-ins; the backend keeps its writes
afterAll(async () => {
  server.close();
  await backend.close();
});

it('lists orders from the backend and opens a ticket with the mocks', async () => {
  const portal = createPortalClient({ baseUrl: 'http://mock.portal.test' });
  await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' }); // one sign-in, both sides
  const { data: orders } = await portal.GET('/api/v1/customer/orders'); // the backend
  await portal.POST('/api/v1/customer/tickets', { body: { subject: 'Hi', description: `About ${orders?.[0]?.id}` } }); // the mocks
  expect(server.journal('createTicket')[0]?.request.body.subject).toBe('Hi'); // typed from the contract
  expect(server.journal('listOrders')[0]?.source).toBe('backend');
  server.useBackend('createTicket'); // at run time, until useMocks('createTicket') or resetState()
});
