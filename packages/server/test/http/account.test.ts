import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn(ALI);
});
afterAll(() => server.stop());

const profile = (json?: unknown) => server.call('/api/v1/customer/profile', { token, ...(json !== undefined && { method: 'PUT', json }) });
const settings = (json?: unknown) => server.call('/api/v1/customer/settings', { token, ...(json !== undefined && { method: 'PUT', json }) });

describe('the profile', () => {
  it('shows the customer, with totals counted from the data and no password or hash', async () => {
    const reply = await profile();
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: 1,
      email: 'ali.jawad@example.com',
      full_name: 'Ali Jawad',
      avatar: 'https://api.dicebear.com/7.x/avataaars/svg?seed=AliJawad',
      preferences: { language: 'en', notifications: true, theme: 'light' },
      total_orders: 12,
      total_tickets: 5,
      member_since: '2024-01-01T00:00:00Z',
    });
    expect(reply.text).not.toMatch(/password|scrypt|hash/i);
  });

  it('changes only the fields given, merging preferences', async () => {
    const reply = await profile({ full_name: 'Ali Jawad Updated', preferences: { notifications: false } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      full_name: 'Ali Jawad Updated',
      avatar: 'https://api.dicebear.com/7.x/avataaars/svg?seed=AliJawad',
      preferences: { language: 'en', notifications: false, theme: 'light' },
    });
    expect((await profile()).body).toEqual(reply.body);
  });

  it('clears the avatar with null', async () => {
    expect((await profile({ avatar: null })).body.avatar).toBeNull();
  });

  it.each([
    ['the email', { email: 'ali@example.com' }, 'body.email'],
    ['the id', { id: 2 }, 'body.id'],
    ['a total', { total_orders: 0 }, 'body.total_orders'],
    ['a blank name', { full_name: '  ' }, 'body.full_name'],
    ['an unknown theme', { preferences: { theme: 'sepia' } }, 'body.preferences.theme'],
    ['a language that is not a tag', { preferences: { language: 'English' } }, 'body.preferences.language'],
  ])('refuses to set %s with a 422 naming the field', async (_name, json, location) => {
    const reply = await profile(json);
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { location: string }) => e.location)).toEqual([location]);
  });
});

describe('the settings', () => {
  it('show the notification and display settings', async () => {
    expect((await settings()).body).toEqual({
      notifications: { email: true, order_updates: true, refund_updates: true, support_replies: true },
      general: { theme: 'light', timezone: 'UTC+0', currency: 'USD' },
    });
  });

  it('merge each group, changing only the fields given', async () => {
    const reply = await settings({ notifications: { email: false }, general: { currency: 'EUR', timezone: 'UTC+5:30' } });
    expect(reply.body).toEqual({
      notifications: { email: false, order_updates: true, refund_updates: true, support_replies: true },
      general: { theme: 'light', timezone: 'UTC+5:30', currency: 'EUR' },
    });
  });

  it.each([
    ['a timezone that is not an offset', { general: { timezone: 'Europe/Paris' } }, 'body.general.timezone'],
    ['a currency that is not ISO 4217', { general: { currency: 'euro' } }, 'body.general.currency'],
    ['a setting that is not a boolean', { notifications: { email: 'yes' } }, 'body.notifications.email'],
  ])('refuse %s with a 422 naming the field', async (_name, json, location) => {
    const reply = await settings(json);
    expectProblem(reply, 422);
    expect(reply.body.errors.map((e: { location: string }) => e.location)).toEqual([location]);
  });
});

describe('the theme, one stored value shown in both places', () => {
  it('changes in the settings when the profile changes it', async () => {
    await profile({ preferences: { theme: 'dark' } });
    expect((await settings()).body.general.theme).toBe('dark');
  });

  it('changes in the profile when the settings change it', async () => {
    await settings({ general: { theme: 'system' } });
    expect((await profile()).body.preferences.theme).toBe('system');
  });
});
