import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupPortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, signedIn } from '../accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState());
afterAll(() => server.close());

/** A GET with the token and a `Prefer` header, as a test against Prism would send it. */
async function preferring(path: string, prefer: string): Promise<Response> {
  const { token } = await signedIn(ALI);
  return fetch(MOCK_URL + path, { headers: { Authorization: `Bearer ${token}`, Prefer: prefer } });
}

describe('Prefer: code=NNN, as Prism honours it', () => {
  it("answers a documented error status with the contract's problem for it", async () => {
    const res = await preferring('/api/v1/customer/orders/ORD123', 'code=404');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('answers a 500 through the documented default response, among other preferences', async () => {
    const res = await preferring('/api/v1/customer/dashboard', 'dynamic=false, code=500');
    expect([res.status, (await res.json()).detail]).toEqual([500, 'Something went wrong on our side. Please try again.']);
  });

  it('answers a documented success from the world, as without the header', async () => {
    const res = await preferring('/api/v1/customer/dashboard', 'code=200');
    expect(res.status).toBe(200);
    expect((await res.json()).stats.open_tickets).toBe(2);
  });

  it.each([
    ['a status the operation does not document', 'code=404', 'getDashboard', '/api/v1/customer/dashboard'],
    ['a code that is not a status', 'code=abc', 'getDashboard', '/api/v1/customer/dashboard'],
  ])('answers %s with a 400 problem saying which statuses it may ask for', async (_name, prefer, operationId, path) => {
    const res = await preferring(path, prefer);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toBe(`The Prefer header asks for a status ${operationId} does not document; ask for one of 200, 401, 5xx.`);
  });

  it('works on sign-in too, without a token', async () => {
    const headers = { 'Content-Type': 'application/json', Prefer: 'code=401' };
    const res = await fetch(`${MOCK_URL}/auth/login`, { method: 'POST', headers, body: JSON.stringify(ALI) });
    expect([res.status, (await res.json()).detail]).toEqual([401, 'The email or password is incorrect.']);
  });
});
