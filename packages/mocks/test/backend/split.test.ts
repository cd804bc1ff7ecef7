/**
 * The mocks and the real backend side by side: each operation served by one of them, moved at run time, with
 * the mocks' own layers (faults, `Prefer: code=`, overrides) applying whichever side serves it. The backend
 * is the reference server in its own process; the mocks' world marks every name "(mocks)".
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupPortalServer, type PortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, signedIn } from '../accounts.js';
import { mocksWorld, startReferenceBackend, type RunningBackend } from './reference-backend.js';

let backend: RunningBackend;
let server: PortalServer;

beforeAll(async () => {
  backend = await startReferenceBackend();
  server = setupPortalServer({ baseUrl: MOCK_URL, world: mocksWorld, backend: { baseUrl: backend.url, operations: ['getProfile', 'GET /api/v1/customer/orders'] } });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetState());
afterAll(async () => {
  server?.close();
  await backend?.stop();
});

const nameOf = async (portal: Awaited<ReturnType<typeof signedIn>>) => (await portal.GET('/api/v1/customer/profile')).data?.full_name;

describe('per operation, the mocks or the backend', () => {
  it('serves the operations the option names from the backend, and the others from the mocks', async () => {
    const ali = await signedIn(ALI);
    expect(await nameOf(ali)).toBe('Ali Jawad'); // the backend's world
    expect((await ali.GET('/api/v1/customer/settings')).response.status).toBe(200);
    expect((await ali.GET('/api/v1/customer/dashboard')).data?.recent_orders.length).toBeGreaterThan(0);
    expect(server.journal().map((e) => [e.operationId, e.source])).toEqual([
      ['login', 'mocks'],
      ['login', 'backend'], // the mocks sign in to the backend behind the app's sign-in
      ['getProfile', 'backend'],
      ['getSettings', 'mocks'],
      ['getDashboard', 'mocks'],
    ]);
    expect([server.servedBy('getProfile'), server.servedBy('listOrders'), server.servedBy('getSettings')]).toEqual(['backend', 'backend', 'mocks']);
  });

  it('moves operations both ways at run time, and resetState() returns to the option', async () => {
    const ali = await signedIn(ALI);
    server.useMocks('getProfile');
    expect(await nameOf(ali)).toBe('Ali Jawad (mocks)');
    server.useBackend('PUT /api/v1/customer/profile', 'getProfile');
    const { data } = await ali.PUT('/api/v1/customer/profile', { body: { full_name: 'Ali on the backend' } });
    expect(data?.full_name).toBe('Ali on the backend');
    expect(await nameOf(ali)).toBe('Ali on the backend');
    server.useMocks();
    expect(await nameOf(ali)).toBe('Ali Jawad (mocks)'); // the mocks' data set never saw the backend's write

    server.resetState();
    const again = await signedIn(ALI);
    expect(server.servedBy('getProfile')).toBe('backend');
    expect(await nameOf(again)).toBe('Ali on the backend'); // resetState() cannot undo a write on the backend
    server.useBackend('updateProfile'); // put the backend's data back for the other tests
    expect((await again.PUT('/api/v1/customer/profile', { body: { full_name: 'Ali Jawad' } })).response.status).toBe(200);
  });

  it("serves everything from the backend with operations: 'all', but what is moved back to the mocks", async () => {
    const all = setupPortalServer({ baseUrl: 'http://all.portal.test', world: mocksWorld, backend: { baseUrl: backend.url, operations: 'all' } });
    server.close();
    all.listen({ onUnhandledRequest: 'error' });
    try {
      const ali = await signedIn(ALI, 'http://all.portal.test');
      all.useMocks('getProfile');
      expect(await nameOf(ali)).toBe('Ali Jawad (mocks)');
      expect((await ali.GET('/api/v1/customer/orders')).data).toHaveLength(12);
      expect(all.journal().map((e) => e.source)).toEqual(['backend', 'mocks', 'backend']);
    } finally {
      all.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });

  it('throws naming the known operations when asked to move one the contract does not have', () => {
    expect(() => server.useBackend('listOrder' as never)).toThrow(/No operation "listOrder" in the contract/);
    expect(() => setupPortalServer({ backend: { baseUrl: backend.url, operations: 'all' } }).useBackend('getOrder')).not.toThrow();
    expect(() => setupPortalServer().useBackend('getOrder')).toThrow(/These mocks have no backend/);
    expect(() => setupPortalServer({ backend: { baseUrl: 'not a url', operations: [] } })).toThrow(/backend.baseUrl "not a url" is not a URL/);
  });
});

describe("the mocks' layers apply whichever side serves the operation", () => {
  it('answers a fault of the mocks without asking the backend', async () => {
    server.fault({ operation: 'getProfile', status: 503, detail: 'Profiles are back at 06:00.' });
    const ali = await signedIn(ALI);
    const { error, response } = await ali.GET('/api/v1/customer/profile');
    expect([response.status, error?.detail]).toEqual([503, 'Profiles are back at 06:00.']);
    expect(server.journal('getProfile')[0]?.source).toBe('mocks');
  });

  it('answers Prefer: code= from the contract without asking the backend', async () => {
    const ali = await signedIn(ALI);
    const { response } = await ali.GET('/api/v1/customer/profile', { headers: { Prefer: 'code=401' } });
    expect(response.status).toBe(401);
    expect(server.journal('getProfile')[0]?.source).toBe('mocks');
  });

  it("gives an override's next() the backend's answer", async () => {
    server.override('getProfile', async ({ next }) => {
      const answer = await next();
      return answer.status === 200 ? { ...answer, body: { ...answer.body, full_name: `${answer.body.full_name}, overridden` } } : answer;
    });
    const ali = await signedIn(ALI);
    expect(await nameOf(ali)).toBe('Ali Jawad, overridden');
  });

  it("answers a request without a token with the mocks' 401, and a bad one with their 422, before the backend", async () => {
    const anonymous = await fetch(`${MOCK_URL}/api/v1/customer/orders`);
    expect(anonymous.status).toBe(401);
    const ali = await signedIn(ALI);
    const { response } = await ali.GET('/api/v1/customer/orders', { params: { query: { status: 'lost' as never } } });
    expect(response.status).toBe(422);
    expect(server.journal('listOrders').map((e) => [e.source, e.response?.status])).toEqual([
      ['mocks', 401],
      ['mocks', 422],
    ]);
  });
});
