/**
 * Notifications: the feed newest first, `unread_only`, pages, and marking one read (idempotent; integer ids,
 * so `/notifications/abc/read` is a 422; one the customer does not have is a 404).
 */
import { describe, expect, it } from 'vitest';
import { customer, needs, send, session } from '../src/runtime/suite.js';
import { isNewestFirst, notifications } from './support/lists.js';
import { answerOf, expectProblem } from './support/problems.js';
import { sampleCustomer } from './support/sample-world.js';

async function markRead(id: number) {
  return (await customer()).PUT('/api/v1/customer/notifications/{notification_id}/read', { params: { path: { notification_id: id } } });
}

describe('the notification feed', () => {
  it('lists the customer\u2019s notifications', async () => {
    const { items } = await notifications(await customer());
    expect(items.length).toBeGreaterThan(0);
  });

  needs('rules').it('is newest first, and X-Total-Count counts every notification', async () => {
    const { items, total } = await notifications(await customer());
    expect(isNewestFirst(items, (n) => n.timestamp)).toBe(true);
    expect(items.length).toBe(Math.min(total, 100));
  });

  needs('rules').it('unread_only=true keeps only the unread ones', async () => {
    const ali = await customer();
    const all = await notifications(ali);
    const unread = await notifications(ali, { unread_only: true });
    expect(unread.items).toEqual(all.items.filter((n) => !n.read));
    expect(unread.total).toBe(unread.items.length);
  });

  needs('rules').it('limit and offset page through the same feed', async () => {
    const ali = await customer();
    const all = await notifications(ali);
    const second = await notifications(ali, { limit: 2, offset: 2 });
    expect(second.items).toEqual(all.items.slice(2, 4));
    expect(second.total).toBe(all.total);
  });
});

describe('marking a notification read', () => {
  needs('stateful').it('returns it read, drops it from the unread ones, and doing it again changes nothing', async () => {
    const ali = await customer();
    const [target] = (await notifications(ali)).items;
    const first = await markRead(target!.id);
    expect(first.response.status).toBe(200);
    expect(first.data).toEqual({ ...target, read: true });
    const unread = await notifications(ali, { unread_only: true });
    expect(unread.items.map((n) => n.id)).not.toContain(target!.id);
    const again = await markRead(target!.id);
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual(first.data);
  });

  needs('rules').it('a notification that does not exist is a 404 problem', async () => {
    expectProblem(answerOf(await markRead(2147483647)), 404);
  });

  it.each([['abc'], ['0'], ['1.5']])('/notifications/%s/read is a 422: ids are positive integers', async (id) => {
    const { token } = await customer();
    expectProblem(await send('PUT', `/api/v1/customer/notifications/${id}/read`, { token: token! }), 422);
  });

  needs('rules').it('/notifications/abc/read is a 422 naming path.notification_id', async () => {
    const { token } = await customer();
    expectProblem(await send('PUT', '/api/v1/customer/notifications/abc/read', { token: token! }), 422, 'path.notification_id');
  });
});

describe('the sample world', () => {
  needs('sample-world').it('the feed is the sample customer\u2019s notifications, newest first', async () => {
    const { notifications: sample } = sampleCustomer(session().target.accounts[0].email);
    const { items } = await notifications(await customer());
    expect(items.map((n) => [n.id, n.title])).toEqual(sample.map((n) => [n.id, n.title]));
  });
});
