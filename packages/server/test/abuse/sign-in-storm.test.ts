/**
 * Sign-in under guessing. Issue 16, finding 1: /auth/login took 36.7 wrong passwords a second from one
 * client; then a guesser from rotating addresses kept a customer locked out for as long as it went on, twenty
 * failures from one address shut out everyone behind it, and each process counted alone. Now failures are a
 * 429 with Retry-After before any password is hashed, a customer who sends the device token of an earlier
 * sign-in is counted on that device alone, and every process counts in the database.
 */
import { createContractValidator } from '@customer-portal/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../src/index.js';
import { describeOnPostgres } from '../support/postgres.js';
import { ALI, expectProblem, SARA, startTestServer, type Reply, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  // Behind a proxy, so that each test can sign in from its own client address (X-Forwarded-For).
  server = await startTestServer({ trustProxy: true });
});
afterAll(() => server.stop());

const contract = createContractValidator();
/** A device token of Ali's, from a sign-in before his account is locked below. */
let alisDevice: string;
let sarasDevice: string;
const signInTo = (target: TestServer, email: string, password: string, address: string, deviceToken?: string) =>
  target.call('/auth/login', { json: { email, password, ...(deviceToken && { device_token: deviceToken }) }, headers: { 'X-Forwarded-For': address } });
const signIn = (email: string, password: string, address: string, deviceToken?: string) => signInTo(server, email, password, address, deviceToken);

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

  it('a sign-in answers a device token, within the contract', async () => {
    const reply = await signIn(SARA.email, SARA.password, '192.0.2.78');
    expect(reply.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600, device_token: expect.any(String) });
    expect(contract.checkResponse('login', 200, Object.fromEntries(reply.headers.entries()), reply.body)).toEqual([]);
    sarasDevice = reply.body.device_token as string;
  });

  // Before Ali's account is locked below.
  it('eight right passwords sent at once for one account are all signed in (eight test workers as Ali)', async () => {
    const replies = await Promise.all(Array.from({ length: 8 }, () => signIn(ALI.email, ALI.password, '192.0.2.8')));
    expect(replies.map((reply) => reply.status)).toEqual(Array(8).fill(200));
    alisDevice = replies[0]!.body.device_token as string;
  });

  it('the eleventh wrong password for an account is a 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 10; i++) expectProblem(await signIn(SARA.email, 'wrong-password', `198.51.100.${i}`), 401);
    expectThrottled(await signIn(SARA.email, 'wrong-password', '198.51.100.50'));
    expectThrottled(await signIn(SARA.email, SARA.password, '198.51.100.51'));
  });

  it('an unknown email is throttled alike, so a 429 does not reveal which accounts exist', async () => {
    for (let i = 0; i < 10; i++) await signIn('nobody@example.com', 'wrong-password', `198.51.100.${100 + i}`);
    expectThrottled(await signIn('NOBODY@example.com', 'wrong-password', '198.51.100.150'));
  });

  it('a guesser from rotating addresses does not lock out a customer who sends the device token of an earlier sign-in', async () => {
    const device = (await signIn(ALI.email, ALI.password, '192.0.2.10')).body.device_token as string;
    let kept = device;
    const signedIn: number[] = [];
    for (let round = 0; round < 13; round++) {
      await Promise.all(Array.from({ length: 4 }, (_, i) => signIn(ALI.email, 'a-guess', `198.18.${round}.${i}`)));
      const reply = await signIn(ALI.email, ALI.password, '192.0.2.10', kept);
      signedIn.push(reply.status);
      if (reply.status === 200) kept = reply.body.device_token as string;
    }
    expect(signedIn).toEqual(Array(13).fill(200));
    // Without it, the customer is counted with the guesser, and refused.
    expectThrottled(await signIn(ALI.email, ALI.password, '192.0.2.10'));
    // Another account's device token is no device token of Ali's.
    expectThrottled(await signIn(ALI.email, ALI.password, '192.0.2.10', sarasDevice));
  });

  it('32 guesses sent at once check at most ten passwords; the rest are 429s at once', async () => {
    const replies = await Promise.all(Array.from({ length: 32 }, () => signIn('storm32@example.com', 'wrong-password', '203.0.113.7')));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    replies.filter((reply) => reply.status === 429).forEach(expectThrottled);
  });

  it('an address that guesses many accounts is refused, other addresses are not, and customers behind it with a device token are not', async () => {
    const guesses = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn(`guess${i}@example.com`, 'x', '203.0.113.99')));
    expect(guesses.filter((reply) => reply.status === 401)).toHaveLength(20);
    guesses.filter((reply) => reply.status !== 401).forEach(expectThrottled);
    expectThrottled(await signIn('someone@example.com', 'x', '203.0.113.99'));
    expect((await signIn('guess0@example.com', 'x', '192.0.2.1')).status).toBe(401);
    // Ali, in the same office, signed in on this device before: he is not shut out with the guesser.
    expect((await signIn(ALI.email, ALI.password, '203.0.113.99', alisDevice)).status).toBe(200);
  });

  it('a body the contract refuses is a 422 and does not count as a failed sign-in', async () => {
    for (let i = 0; i < 12; i++) expectProblem(await server.call('/auth/login', { json: { email: 'quiet@example.com' }, headers: { 'X-Forwarded-For': '192.0.2.200' } }), 422);
    expect((await signIn('quiet@example.com', 'x', '192.0.2.200')).status).toBe(401);
  });
});

describe('sign-in counts shared by every process on one database', () => {
  it('a server on the same SQLite file refuses what the others counted, though it saw none of the failures', async () => {
    const first = await startTestServer({ trustProxy: true });
    const second = await startTestServer({ trustProxy: true }, first.dir);
    const third = await startTestServer({ trustProxy: true }, first.dir);
    try {
      for (let i = 0; i < 5; i++) expectProblem(await signInTo(first, SARA.email, 'wrong', `198.51.101.${i}`), 401);
      for (let i = 5; i < 10; i++) expectProblem(await signInTo(second, SARA.email, 'wrong', `198.51.101.${i}`), 401);
      expectThrottled(await signInTo(third, SARA.email, SARA.password, '198.51.101.50'));
    } finally {
      await third.close();
      await second.close();
      await first.stop();
    }
  });
});

describeOnPostgres('sign-in counts shared by every process on one PostgreSQL database', (clusterUrl) => {
  it('a server on the same database refuses what the others counted, and eight right passwords across them all sign in', async () => {
    const scratch = await createScratchDatabase(clusterUrl, 'portal_sign_in_counts_test');
    const servers = await Promise.all([0, 1, 2].map(() => startTestServer({ trustProxy: true, databaseUrl: scratch.url })));
    const [first, second, third] = servers as [TestServer, TestServer, TestServer];
    try {
      const right = await Promise.all(Array.from({ length: 8 }, (_, i) => signInTo(servers[i % 3]!, ALI.email, ALI.password, '192.0.2.30')));
      expect(right.map((reply) => reply.status)).toEqual(Array(8).fill(200));
      for (let i = 0; i < 5; i++) expectProblem(await signInTo(first, SARA.email, 'wrong', `198.51.102.${i}`), 401);
      for (let i = 5; i < 10; i++) expectProblem(await signInTo(second, SARA.email, 'wrong', `198.51.102.${i}`), 401);
      expectThrottled(await signInTo(third, SARA.email, SARA.password, '198.51.102.50'));
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      await scratch.drop();
    }
  });
});
