/**
 * One sign-in for both sides: the app holds the mocks' token whichever side serves `login`, and the mocks put
 * the backend's token on what they forward. The backend is the reference server in its own process.
 */
import { createPortalClient } from '@customer-portal/sdk';
import { bypass } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockOptions, SampleWorld } from '../../src/index.js';
import { setupPortalServer, type PortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, SARA } from '../accounts.js';
import { mocksWorld, startReferenceBackend, type RunningBackend } from './reference-backend.js';

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startReferenceBackend();
});
afterAll(() => backend?.stop());

/** Runs `use` with the mocks listening, then closes them, so that each case has a handler set of its own. */
async function withMocks(options: MockOptions, use: (server: PortalServer) => Promise<void>): Promise<void> {
  const server = setupPortalServer({ baseUrl: MOCK_URL, world: mocksWorld, ...options });
  server.listen({ onUnhandledRequest: 'error' });
  try {
    await use(server);
  } finally {
    server.close();
  }
}

const portal = () => createPortalClient({ baseUrl: MOCK_URL });

function withoutSara(world: SampleWorld): SampleWorld {
  const sara = world.customers.find((c) => c.email === SARA!.email)!.id;
  const orders = world.orders.filter((o) => o.customer_id !== sara);
  const kept = new Set(orders.map((o) => o.id));
  return {
    customers: world.customers.filter((c) => c.id !== sara),
    orders,
    returns: world.returns.filter((r) => kept.has(r.order_id)),
    tickets: world.tickets.filter((t) => t.customer_id !== sara),
    notifications: world.notifications.filter((n) => n.customer_id !== sara),
  };
}

describe('login served by the backend', () => {
  it("answers the backend's sign-in with a mocks token, which both sides then accept", () =>
    withMocks({ backend: { baseUrl: backend.url, operations: ['login', 'getProfile'] } }, async (server) => {
      const app = portal();
      const { access_token } = await app.login(ALI!);
      expect((await app.GET('/api/v1/customer/profile')).data?.full_name).toBe('Ali Jawad'); // the backend, with its own token
      expect((await app.GET('/api/v1/customer/settings')).response.status).toBe(200); // the mocks, with theirs
      // The app's token is the mocks': the backend itself does not know it (asked past the mocks with bypass()).
      const direct = await fetch(bypass(`${backend.url}/api/v1/customer/profile`, { headers: { Authorization: `Bearer ${access_token}` } }));
      expect(direct.status).toBe(401);
      expect(server.journal('login').map((e) => [e.source, e.response?.status])).toEqual([['backend', 200]]);
    }));

  it("passes on the backend's refusal of a wrong password", () =>
    withMocks({ backend: { baseUrl: backend.url, operations: ['login'] } }, async () => {
      const { error, response } = await portal().POST('/auth/login', { body: { email: ALI!.email, password: 'not-the-password' } });
      expect([response.status, error?.detail]).toEqual([401, 'The email or password is incorrect.']);
    }));

  it('refuses a backend customer the world does not have with a 401 that says to add the email to the world', () =>
    withMocks({ world: withoutSara, backend: { baseUrl: backend.url, operations: ['login'] } }, async () => {
      const { error, response } = await portal().POST('/auth/login', { body: SARA! });
      expect(response.status).toBe(401);
      expect(error?.detail).toContain(`add a customer with the email ${SARA!.email} to the world`);
    }));
});

describe('login served by the mocks', () => {
  it('also signs in to the backend with the same credentials, for the operations it serves', () =>
    withMocks({ backend: { baseUrl: backend.url, operations: ['getProfile'] } }, async (server) => {
      const app = portal();
      await app.login(SARA!);
      expect((await app.GET('/api/v1/customer/profile')).data?.full_name).toBe('Sara Khan');
      expect(server.journal('login').map((e) => [e.source, e.url, e.response?.status])).toEqual([
        ['mocks', `${MOCK_URL}/auth/login`, 200],
        ['backend', `${backend.url}/auth/login`, 200],
      ]);
    }));

  it("keeps the mocks' decision when the backend refuses, and the backend's operations answer its 401", () =>
    withMocks(
      {
        world: (w) => ({ ...mocksWorld(w), customers: mocksWorld(w).customers.map((c) => (c.email === ALI!.email ? { ...c, password: 'only-the-mocks-know' } : c)) }),
        backend: { baseUrl: backend.url, operations: ['getProfile'] },
      },
      async (server) => {
        const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
        const app = portal();
        await app.login({ email: ALI!.email, password: 'only-the-mocks-know' });
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('Signed in with the mocks, but not with the backend (it answered 401)'));
        expect(JSON.stringify(warn.mock.calls)).not.toContain('only-the-mocks-know');
        warn.mockRestore();
        expect((await app.GET('/api/v1/customer/settings')).response.status).toBe(200);
        const { response } = await app.GET('/api/v1/customer/profile');
        expect([response.status, response.headers.get('WWW-Authenticate')]).toEqual([401, 'Bearer']);
        expect(server.journal('login').map((e) => [e.source, e.response?.status])).toEqual([
          ['mocks', 200],
          ['backend', 401],
        ]);
      },
    ));

  it('forgets the backend session with resetState(), as it forgets the mocks token', () =>
    withMocks({ backend: { baseUrl: backend.url, operations: ['getProfile'] } }, async (server) => {
      const app = portal();
      const { access_token } = await app.login(ALI!);
      server.resetState();
      const again = await fetch(`${MOCK_URL}/api/v1/customer/profile`, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(again.status).toBe(401);
      expect(server.journal('getProfile')[0]?.source).toBe('mocks'); // refused before the backend was asked
    }));
});
