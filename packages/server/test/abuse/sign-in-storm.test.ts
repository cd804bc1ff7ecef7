/**
 * Issue 16, finding 1: /auth/login took 36.7 wrong passwords a second from one client, indefinitely, and a
 * 32-way flood made a real sign-in wait behind every guess. Now repeated failures are a 429 with
 * Retry-After before any password is hashed.
 */
import { createContractValidator } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, SARA, startTestServer, type Reply, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  // Behind a proxy, so that each test can sign in from its own client address (X-Forwarded-For).
  server = await startTestServer({ trustProxy: true });
});
afterAll(() => server.stop());

const contract = createContractValidator();
const signIn = (email: string, password: string, address: string) =>
  server.call('/auth/login', { json: { email, password }, headers: { 'X-Forwarded-For': address } });

function expectThrottled(reply: Reply): void {
  expectProblem(reply, 429, /^Too many failed sign-in attempts\. Try again in \d+ seconds?\.$/);
  expect(reply.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  const headers = Object.fromEntries(reply.headers.entries());
  expect(contract.checkResponse('login', reply.status, headers, reply.body)).toEqual([]);
}

describe('sign-in throttling', () => {
  // First, while no real account has failures of its own.
  it('a sign-in storm leaves other requests and other customers served', async () => {
    const storm = Promise.all(Array.from({ length: 40 }, (_, i) => signIn(`storm${i % 4}@example.com`, 'x', '203.0.113.200')));
    const token = (await signIn(SARA.email, SARA.password, '192.0.2.77')).body.access_token as string;
    expect(token).toEqual(expect.any(String));
    expect((await server.call('/api/v1/customer/dashboard', { token })).status).toBe(200);
    const statuses = (await storm).map((reply) => reply.status);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    expect(statuses).toContain(429);
  });

  // Before Ali's account is locked below.
  it('eight right passwords sent at once for one account are all signed in (eight test workers as Ali)', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => signIn(ALI.email, ALI.password, '192.0.2.8')));
    expect(replies.map((reply) => reply.status)).toEqual(Array(8).fill(200));
  });

  it('the sixth wrong password in a row for an account is a 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expectProblem(await signIn(SARA.email, 'wrong-password', `198.51.100.${i}`), 401);
    expectThrottled(await signIn(SARA.email, 'wrong-password', '198.51.100.50'));
    expectThrottled(await signIn(SARA.email, SARA.password, '198.51.100.51'));
  });

  it('an unknown email is throttled alike, so a 429 does not reveal which accounts exist', async () => {
    for (let i = 0; i < 5; i++) await signIn('nobody@example.com', 'wrong-password', `198.51.100.${100 + i}`);
    expectThrottled(await signIn('NOBODY@example.com', 'wrong-password', '198.51.100.150'));
  });

  it('32 guesses sent at once from one address hash at most five passwords; the rest are 429s', async () => {
    const replies = await Promise.all(Array.from({ length: 32 }, () => signIn(ALI.email, 'wrong-password', '203.0.113.7')));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    replies.filter((reply) => reply.status === 429).forEach(expectThrottled);
  });

  it('an address that guesses many accounts is locked, and other addresses are not', async () => {
    const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn(`guess${i}@example.com`, 'x', '203.0.113.99')));
    expect(guesses.filter((reply) => reply.status === 401)).toHaveLength(20);
    guesses.filter((reply) => reply.status !== 401).forEach(expectThrottled);
    expect((await signIn('guess0@example.com', 'x', '192.0.2.1')).status).toBe(401);
  });

  it('a body the contract refuses is a 422 and does not count as a failed sign-in', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await server.call('/auth/login', { json: { email: 'quiet@example.com' }, headers: { 'X-Forwarded-For': '192.0.2.200' } }), 422);
    expect((await signIn('quiet@example.com', 'x', '192.0.2.200')).status).toBe(401);
  });
});
