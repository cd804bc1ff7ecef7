/// <reference types="node" />
/**
 * The check a recorded world must pass: served by the mocks, it answers every GET the recording made with
 * the same status, the same X-Total-Count and the same body.
 */
import { isDeepStrictEqual } from 'node:util';
import { worldFileText, type WorldInference, type SampleWorld } from '@customer-portal/core';
import { setupPortalServer } from '../node.js';
import type { AccountRecording } from './exchanges.js';

const ORIGIN = 'http://recorded-world.invalid';

/**
 * Every recorded GET that the world answers otherwise, as `GET <path>: <what differs>`; empty when it
 * answers them all alike.
 */
export async function replayDifferences(world: SampleWorld, inferred: WorldInference[], accounts: { recording: AccountRecording; email: string; password: string }[]): Promise<string[]> {
  const server = setupPortalServer({ baseUrl: ORIGIN, world: worldFileText(world, inferred) });
  server.listen({ onUnhandledRequest: 'bypass' });
  const differences: string[] = [];
  try {
    for (const { recording, email, password } of accounts) {
      const login = await fetch(`${ORIGIN}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const { access_token: token } = (await login.json()) as { access_token: string };
      for (const exchange of recording.exchanges) {
        const res = await fetch(ORIGIN + exchange.path, { headers: { Authorization: `Bearer ${token}` } });
        const text = await res.text();
        const body: unknown = text === '' ? null : JSON.parse(text);
        const what =
          res.status !== exchange.status ? `status ${res.status}, not ${exchange.status}`
          : res.headers.get('X-Total-Count') !== exchange.total ? `X-Total-Count ${res.headers.get('X-Total-Count')}, not ${exchange.total}`
          : !isDeepStrictEqual(body, exchange.body) ? 'another body'
          : undefined;
        if (what) differences.push(`GET ${exchange.path} (${email}): ${what}`);
      }
    }
  } finally {
    server.close();
  }
  return differences;
}
