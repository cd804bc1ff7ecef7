// A team's own test, against the Node mocks: no server, the same rules.
import { setupPortalServer } from '@customer-portal/mocks/node';
import { createPortalClient } from '@customer-portal/sdk';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';

const server = setupPortalServer();
beforeAll(() => server.listen());
afterEach(() => server.resetState());
afterAll(() => server.close());

test('a new ticket raises the open-ticket count', async () => {
  const portal = createPortalClient({ baseUrl: 'http://localhost' });
  await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
  const before = await portal.GET('/api/v1/customer/dashboard');
  await portal.POST('/api/v1/customer/tickets', { body: { subject: 'Hi', description: 'Where is my parcel?' } });
  const after = await portal.GET('/api/v1/customer/dashboard');
  expect(after.data?.stats.open_tickets).toBe((before.data?.stats.open_tickets ?? 0) + 1);
});

test('another customer\u2019s order is a 404', async () => {
  const portal = createPortalClient({ baseUrl: 'http://localhost' });
  await portal.login({ email: 'sara.khan@example.com', password: 'customer456' });
  const { response } = await portal.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD123' } } });
  expect(response.status).toBe(404);
});
