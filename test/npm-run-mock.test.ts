/**
 * `npm run mock` is what the README tells a frontend developer to run for a spec-only mock: Prism serving
 * openapi.yaml's examples. This starts it the same way and checks it answers with the seed's dashboard.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@customer-portal/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer`);
}

describe('npm run mock', () => {
  let prism: ChildProcess;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // detached: npm starts prism as a child; killing the group stops both.
    prism = spawn('npm', ['run', 'mock', '--silent'], { cwd: root, env: { ...process.env, MOCK_PORT: String(port) }, detached: true, stdio: 'ignore' });
    await waitFor(`${baseUrl}/auth/login`, Date.now() + 60_000);
  }, 70_000);

  afterAll(() => {
    if (prism.pid) process.kill(-prism.pid, 'SIGTERM');
  });

  it("answers GET /dashboard with the seed's example", async () => {
    const response = await fetch(`${baseUrl}/api/v1/customer/dashboard`, { headers: { Authorization: 'Bearer any' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      stats: { open_tickets: 2, active_orders: 1, pending_refunds: 0, resolved_tickets: 3 },
      recent_orders: [{ id: 'ORD123', status: 'SHIPPED', total: 299.99 }],
    });
  });

  it('answers a request without a token with the documented 401 problem', async () => {
    const response = await fetch(`${baseUrl}/api/v1/customer/orders`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
