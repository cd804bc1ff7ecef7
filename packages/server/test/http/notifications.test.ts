import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn(ALI);
});
afterAll(() => server.stop());

const ids = (body: { id: number }[]) => body.map((n) => n.id);
const list = (query = '') => server.call(`/api/v1/customer/notifications${query}`, { token });
const markRead = (id: string | number) => server.call(`/api/v1/customer/notifications/${id}/read`, { token, method: 'PUT' });

describe('GET /api/v1/customer/notifications', () => {
  it('lists the customer’s notifications newest first, with the count in X-Total-Count', async () => {
    const reply = await list();
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-total-count')).toBe('6');
    expect(ids(reply.body)).toEqual([2, 1, 3, 4, 5, 6]);
    expect(reply.body[1]).toEqual({ id: 1, title: 'Order Update', message: 'Your order ORD123 has been shipped', type: 'ORDER', read: false, timestamp: '2024-01-14T10:00:00Z' });
  });

  it.each([
    ['unread only', '?unread_only=true', [2, 1], '2'],
    ['unread_only=false, which is everything', '?unread_only=false', [2, 1, 3, 4, 5, 6], '6'],
    ['a page', '?limit=2&offset=3', [4, 5], '6'],
  ])('filters by %s', async (_name, query, expected, total) => {
    const reply = await list(query);
    expect(ids(reply.body)).toEqual(expected);
    expect(reply.headers.get('x-total-count')).toBe(total);
  });

  it('refuses an unread_only that is not a boolean', async () => {
    const reply = await list('?unread_only=maybe');
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'query.unread_only', message: 'Unread only must be true or false.' }]);
  });
});

describe('PUT /api/v1/customer/notifications/{notification_id}/read', () => {
  it('marks the notification read and returns it', async () => {
    const reply = await markRead(1);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: 1, read: true });
    expect(ids((await list('?unread_only=true')).body)).toEqual([2]);
  });

  it('is idempotent: a read notification comes back unchanged', async () => {
    const first = await markRead(1);
    const second = await markRead(1);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  });

  it('is a 404 for a notification that does not exist', async () => {
    expectProblem(await markRead(999), 404, 'Notification 999 was not found.');
  });

  it.each([['a word', 'first'], ['zero', '0'], ['a number beyond the range', '2147483648']])('is a 422 for an id that is %s', async (_name, id) => {
    const reply = await markRead(id);
    expectProblem(reply, 422);
    expect(reply.body.errors[0].location).toBe('path.notification_id');
  });
});
