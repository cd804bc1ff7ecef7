/**
 * Profile and settings: partial updates (only the fields given change, nested groups merge), one theme shared
 * by both, totals counted from the data, and what the client may not set (email, id, totals, unknown fields).
 * On a deployment the suite puts the customer's profile and settings back as it found them.
 */
import type { Profile, Settings } from '@customer-portal/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customer, has, needs, send, session } from '../src/runtime/suite.js';
import { orders, runMark, tickets } from './support/lists.js';
import { expectProblem } from './support/problems.js';
import { sampleCustomer } from './support/sample-world.js';

async function profile(): Promise<Profile> {
  return (await (await customer()).GET('/api/v1/customer/profile')).data!;
}

async function settings(): Promise<Settings> {
  return (await (await customer()).GET('/api/v1/customer/settings')).data!;
}

let original: { profile: Profile; settings: Settings } | undefined;

beforeAll(async () => {
  if (has('stateful')) original = { profile: await profile(), settings: await settings() };
});

afterAll(async () => {
  if (!original) return;
  const ali = await customer();
  const { full_name, avatar, preferences } = original.profile;
  await ali.PUT('/api/v1/customer/profile', { body: { full_name, avatar, preferences } });
  await ali.PUT('/api/v1/customer/settings', { body: original.settings });
});

describe('the profile', () => {
  it('is the signed-in customer\u2019s', async () => {
    expect((await profile()).email.toLowerCase()).toBe(session().target.accounts[0].email.toLowerCase());
  });

  needs('rules').it('counts total_orders and total_tickets from the data', async () => {
    const ali = await customer();
    const { total_orders, total_tickets } = await profile();
    expect(total_orders).toBe((await orders(ali, { limit: 1 })).total);
    expect(total_tickets).toBe((await tickets(ali, { limit: 1 })).total);
  });

  needs('stateful').it('a partial update changes only the fields given and returns the whole profile', async () => {
    const before = await profile();
    const full_name = `Contract Suite ${runMark()}`;
    const { data } = await (await customer()).PUT('/api/v1/customer/profile', { body: { full_name } });
    expect(data).toEqual({ ...before, full_name });
    expect(await profile()).toEqual(data);
  });

  needs('stateful').it('preferences merge into the stored preferences', async () => {
    const before = await profile();
    const notifications = !before.preferences.notifications;
    const { data } = await (await customer()).PUT('/api/v1/customer/profile', { body: { preferences: { notifications } } });
    expect(data?.preferences).toEqual({ ...before.preferences, notifications });
  });

  needs('stateful').it('an empty update changes nothing', async () => {
    const before = await profile();
    const { data } = await (await customer()).PUT('/api/v1/customer/profile', { body: {} });
    expect(data).toEqual(before);
  });
});

describe('the settings', () => {
  it('are the notification and display settings', async () => {
    const { notifications, general } = await settings();
    expect(Object.keys(notifications).sort()).toEqual(['email', 'order_updates', 'refund_updates', 'support_replies']);
    expect(Object.keys(general).sort()).toEqual(['currency', 'theme', 'timezone']);
  });

  needs('stateful').it('each group merges into the stored settings', async () => {
    const before = await settings();
    const email = !before.notifications.email;
    const currency = before.general.currency === 'EUR' ? 'USD' : 'EUR';
    const { data } = await (await customer()).PUT('/api/v1/customer/settings', { body: { notifications: { email }, general: { currency } } });
    expect(data).toEqual({ notifications: { ...before.notifications, email }, general: { ...before.general, currency } });
    expect(await settings()).toEqual(data);
  });
});

describe('one theme for both', () => {
  needs('stateful').it('a theme set in the profile is the settings\u2019 theme, and the other way round', async () => {
    const ali = await customer();
    const start = (await profile()).preferences.theme;
    const next = start === 'dark' ? 'light' : 'dark';
    await ali.PUT('/api/v1/customer/profile', { body: { preferences: { theme: next } } });
    expect((await settings()).general.theme).toBe(next);
    await ali.PUT('/api/v1/customer/settings', { body: { general: { theme: 'system' } } });
    expect((await profile()).preferences.theme).toBe('system');
  });
});

describe('what the client may not set', () => {
  const forbidden = [
    ['email', { email: 'someone.else@example.com' }, 'body.email'],
    ['id', { id: 2 }, 'body.id'],
    ['total_orders', { total_orders: 99 }, 'body.total_orders'],
    ['an unknown field', { nickname: 'Ali' }, 'body.nickname'],
    ['an unknown preference', { preferences: { font: 'large' } }, 'body.preferences.font'],
  ] as const;

  it.each(forbidden)('setting %s in the profile is a 422', async (_what, body) => {
    const { token } = await customer();
    expectProblem(await send('PUT', '/api/v1/customer/profile', { token: token!, contentType: 'application/json', body: JSON.stringify(body) }), 422);
  });

  needs('rules').each(forbidden)('setting %s in the profile is a 422 naming it, and changes nothing', async (_what, body, location) => {
    const { token } = await customer();
    const before = await profile();
    const answer = await send('PUT', '/api/v1/customer/profile', { token: token!, contentType: 'application/json', body: JSON.stringify(body) });
    expectProblem(answer, 422, location);
    expect(await profile()).toEqual(before);
  });

  needs('rules').it('an unknown settings field is a 422 naming it', async () => {
    const { token } = await customer();
    const answer = await send('PUT', '/api/v1/customer/settings', {
      token: token!,
      contentType: 'application/json',
      body: JSON.stringify({ notifications: { sms: true } }),
    });
    expectProblem(answer, 422, 'body.notifications.sms');
  });
});

describe('the sample world', () => {
  needs('sample-world').it('the profile is the sample customer\u2019s', async () => {
    const { customer: sample, orders: sampleOrders } = sampleCustomer(session().target.accounts[0].email);
    expect(await profile()).toMatchObject({
      id: sample.id,
      email: sample.email,
      member_since: sample.member_since,
      total_orders: sampleOrders.length,
    });
  });
});
