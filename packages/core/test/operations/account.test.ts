import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe('profile', () => {
  it("is exactly the seed's profile", async () => {
    const { call } = portalUnderTest();
    const res = await call('getProfile');
    expect(res.body).toEqual({
      id: 1,
      email: 'ali.jawad@example.com',
      full_name: 'Ali Jawad',
      avatar: 'https://api.dicebear.com/7.x/avataaars/svg?seed=AliJawad',
      preferences: { language: 'en', notifications: true, theme: 'light' },
      total_orders: 12,
      total_tickets: 5,
      member_since: '2024-01-01T00:00:00Z',
    });
    expect(JSON.stringify(res.body)).not.toContain('customer123');
  });

  it('updates partially, merging preferences, and returns the whole profile', async () => {
    const { call } = portalUnderTest();
    const res = await call('updateProfile', { body: { preferences: { notifications: false } } });
    expect(res.status).toBe(200);
    expect(res.body.full_name).toBe('Ali Jawad');
    expect(res.body.preferences).toEqual({ language: 'en', notifications: false, theme: 'light' });
    expect((await call('getProfile')).body.preferences.notifications).toBe(false);
  });

  it('changes the name and clears the avatar with null, keeping the rest', async () => {
    const { call } = portalUnderTest();
    const res = await call('updateProfile', { body: { full_name: 'Ali Jawad Updated', avatar: null } });
    expect(res.body).toMatchObject({ full_name: 'Ali Jawad Updated', avatar: null, preferences: { language: 'en', notifications: true, theme: 'light' } });
    expect((await call('getProfile')).body).toEqual(res.body);
  });

  it.each([
    ['a blank name', { full_name: '  ' }, 'body.full_name'],
    ['an unknown theme', { preferences: { theme: 'sepia' } }, 'body.preferences.theme'],
    ['a language that is not a tag', { preferences: { language: 'English' } }, 'body.preferences.language'],
  ])('rejects %s with a 422 naming the field', async (_name, body, location) => {
    const { call } = portalUnderTest();
    const res = await call('updateProfile', { body });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { location: string }) => e.location)).toEqual([location]);
  });

  it('shares one theme with the settings, whichever side changes it', async () => {
    const { call } = portalUnderTest();
    await call('updateProfile', { body: { preferences: { theme: 'dark' } } });
    expect((await call('getSettings')).body.general.theme).toBe('dark');
    await call('updateSettings', { body: { general: { theme: 'system' } } });
    expect((await call('getProfile')).body.preferences.theme).toBe('system');
  });

  it.each([
    ['email', { email: 'me@evil.example' }],
    ['id', { id: 2 }],
    ['total_orders', { total_orders: 0 }],
    ['an unknown preference', { preferences: { font: 'big' } }],
  ])('refuses to let the client set %s', async (_name, body) => {
    const { call } = portalUnderTest();
    const res = await call('updateProfile', { body });
    expect(res.status).toBe(422);
    expect((await call('getProfile')).body.email).toBe('ali.jawad@example.com');
  });

  it("never touches another customer's profile", async () => {
    const { call } = portalUnderTest();
    await call('updateProfile', { body: { full_name: 'Ali Jawad Updated' } });
    expect((await call('getProfile', { authorization: SARA })).body.full_name).toBe('Sara Khan');
  });
});

describe('settings', () => {
  it("are exactly the seed's settings", async () => {
    const { call } = portalUnderTest();
    expect((await call('getSettings')).body).toEqual({
      notifications: { email: true, order_updates: true, refund_updates: true, support_replies: true },
      general: { theme: 'light', timezone: 'UTC+0', currency: 'USD' },
    });
  });

  it("merge the seed's update example into the stored settings", async () => {
    const { call } = portalUnderTest();
    const res = await call('updateSettings', {
      body: { notifications: { email: false, order_updates: true }, general: { theme: 'dark', currency: 'EUR' } },
    });
    expect(res.body).toEqual({
      notifications: { email: false, order_updates: true, refund_updates: true, support_replies: true },
      general: { theme: 'dark', timezone: 'UTC+0', currency: 'EUR' },
    });
  });

  it('take a timezone offset with minutes', async () => {
    const { call } = portalUnderTest();
    const res = await call('updateSettings', { body: { general: { timezone: 'UTC+5:30' } } });
    expect(res.body.general.timezone).toBe('UTC+5:30');
  });

  it.each([
    ['a theme outside light, dark, system', { general: { theme: 'blue' } }, 'body.general.theme'],
    ['a currency that is not ISO 4217', { general: { currency: 'euro' } }, 'body.general.currency'],
    ['a timezone that is not an offset', { general: { timezone: 'Europe/Paris' } }, 'body.general.timezone'],
    ['a non-boolean switch', { notifications: { email: 'yes' } }, 'body.notifications.email'],
  ])('reject %s', async (_name, body, location) => {
    const { call } = portalUnderTest();
    const res = await call('updateSettings', { body });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].location).toBe(location);
  });
});
