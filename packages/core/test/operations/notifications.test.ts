import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe('notifications', () => {
  it('list newest first, mixing read and unread', async () => {
    const { call } = portalUnderTest();
    const res = await call('listNotifications');
    expect(res.body.map((n: { id: number }) => n.id)).toEqual([2, 1, 3, 4, 5, 6]);
    expect(res.headers['X-Total-Count']).toBe('6');
  });

  it('keep only unread ones with unread_only=true', async () => {
    const { call } = portalUnderTest();
    const res = await call('listNotifications', { query: { unread_only: 'true' } });
    expect(res.body.map((n: { id: number }) => n.id)).toEqual([2, 1]);
  });

  it.each([
    ['unread_only=false, which is everything', { unread_only: 'false' }, [2, 1, 3, 4, 5, 6]],
    ['a page', { limit: '2', offset: '3' }, [4, 5]],
  ])('list %s, counting all of them', async (_name, query, ids) => {
    const { call } = portalUnderTest();
    const res = await call('listNotifications', { query });
    expect(res.body.map((n: { id: number }) => n.id)).toEqual(ids);
    expect(res.headers['X-Total-Count']).toBe('6');
  });

  it('mark one read, idempotently', async () => {
    const { call } = portalUnderTest();
    const first = await call('markNotificationRead', { path: { notification_id: '1' } });
    const again = await call('markNotificationRead', { path: { notification_id: '1' } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: 1, title: 'Order Update', message: 'Your order ORD123 has been shipped', type: 'ORDER', read: true, timestamp: '2024-01-14T10:00:00Z' });
    expect(again.body).toEqual(first.body);
    expect((await call('listNotifications', { query: { unread_only: 'true' } })).body.map((n: { id: number }) => n.id)).toEqual([2]);
  });

  it("answer another customer's notification with a 404, and a non-numeric id with a 422", async () => {
    const { call } = portalUnderTest();
    expect((await call('markNotificationRead', { path: { notification_id: '7' } })).status).toBe(404);
    expect((await call('markNotificationRead', { path: { notification_id: '999' } })).body.detail).toBe('Notification 999 was not found.');
    const sara = await call('listNotifications', { authorization: SARA, query: { unread_only: 'true' } });
    expect(sara.body.map((n: { id: number }) => n.id)).toEqual([7]);
    const abc = await call('markNotificationRead', { path: { notification_id: 'abc' } });
    expect(abc.status).toBe(422);
    expect(abc.body.errors).toEqual([{ location: 'path.notification_id', message: 'must be integer' }]);
  });

  it('reject unread_only that is not a boolean', async () => {
    const { call } = portalUnderTest();
    const res = await call('listNotifications', { query: { unread_only: 'maybe' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'query.unread_only', message: 'must be boolean' }]);
  });

  it.each([['zero', '0'], ['a number beyond the range', '2147483648']])('answer an id that is %s with a 422', async (_name, id) => {
    const { call } = portalUnderTest();
    const res = await call('markNotificationRead', { path: { notification_id: id } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].location).toBe('path.notification_id');
  });
});
