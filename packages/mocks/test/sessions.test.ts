/**
 * Sessions like the reference server's: a mock token expires, and the expired token gets the server's own
 * 401, so an app's expiry handling (the SDK's `onUnauthorized`) is built and tested against the mocks.
 */
import { startServer } from '@customer-portal/server';
import { createPortalClient } from '@customer-portal/sdk';
import { jwtDecode } from 'jwt-decode';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupPortalServer } from '../src/node.js';
import { ALI, MOCK_URL } from './accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL, tokenLifetimeSeconds: 300 });
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' })); // bypass: the reference server is on 127.0.0.1
afterEach(() => {
  server.resetState();
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('a session that expires', () => {
  it('tells the app when: exp is tokenLifetimeSeconds after sign-in', async () => {
    const portal = createPortalClient({ baseUrl: MOCK_URL });
    const { access_token, expires_in } = await portal.login(ALI);
    const { iat, exp } = jwtDecode(access_token);
    expect([expires_in, exp! - iat!]).toEqual([300, 300]);
  });

  it("sends the app back to sign-in through the SDK's onUnauthorized once the token has expired", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const onUnauthorized = vi.fn();
    const portal = createPortalClient({ baseUrl: MOCK_URL, onUnauthorized });
    await portal.login(ALI);
    expect((await portal.GET('/api/v1/customer/dashboard')).response.status).toBe(200);

    vi.advanceTimersByTime(300_000);
    const { response } = await portal.GET('/api/v1/customer/dashboard');
    expect(response.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  describe('against the reference server', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mocks-sessions-'));
    let api: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      api = await startServer({ port: 0, host: '127.0.0.1', databasePath: join(dataDir, 'portal.db'), log: false });
    });
    afterAll(async () => {
      await api?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("answers an expired token exactly as the server does: status, WWW-Authenticate and problem", async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const expired = async (baseUrl: string) => {
        const { access_token } = await createPortalClient({ baseUrl }).login(ALI);
        vi.advanceTimersByTime(3_600_000); // the server's hour, past the mocks' five minutes too
        const res = await fetch(`${baseUrl}/api/v1/customer/dashboard`, { headers: { Authorization: `Bearer ${access_token}` } });
        return { status: res.status, challenge: res.headers.get('WWW-Authenticate'), body: await res.json() };
      };
      const fromMocks = await expired(MOCK_URL);
      const fromServer = await expired(api.url);
      expect(fromMocks).toEqual(fromServer);
      expect(fromServer).toMatchObject({ status: 401, challenge: 'Bearer error="invalid_token"' });
    });
  });
});

describe('a session across scenario and fault switches', () => {
  it('stays signed in when the scenario or a fault changes, and is forgotten on resetState()', async () => {
    const portal = createPortalClient({ baseUrl: MOCK_URL });
    await portal.login(ALI);
    server.useScenario('empty');
    expect((await portal.GET('/api/v1/customer/orders')).data).toEqual([]);
    server.fault({ operation: 'getDashboard', status: 500, times: 1 });
    expect((await portal.GET('/api/v1/customer/dashboard')).response.status).toBe(500);
    expect((await portal.GET('/api/v1/customer/dashboard')).response.status).toBe(200);
    server.useScenario('default');
    expect((await portal.GET('/api/v1/customer/orders')).data).toHaveLength(12);

    server.resetState();
    expect((await portal.GET('/api/v1/customer/orders')).response.status).toBe(401);
  });
});
