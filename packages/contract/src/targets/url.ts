/** Any running deployment of the API, with the customers given in CONTRACT_EMAIL(_2) / CONTRACT_PASSWORD(_2). */
import type { Account, ContractOptions } from '../options.js';
import type { ContractTarget, RunningTarget } from './types.js';

async function canSignIn(baseUrl: string, account: Account): Promise<{ ok: boolean; status: number }> {
  const response = await fetch(new URL('auth/login', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  });
  await response.body?.cancel();
  return { ok: response.ok, status: response.status };
}

export const urlTarget: ContractTarget = {
  name: 'url',
  description: 'a running deployment at --base-url, signed in with CONTRACT_EMAIL / CONTRACT_PASSWORD',
  runsIn: 'main',
  async start(options: ContractOptions): Promise<RunningTarget> {
    const baseUrl = options.baseUrl!;
    const [first, second] = options.accounts;
    const signedIn = await canSignIn(baseUrl, first).catch((error: unknown) => {
      throw new Error(`Cannot reach ${baseUrl}: ${(error as Error).message}`);
    });
    if (!signedIn.ok) {
      throw new Error(`Signing in to ${baseUrl} as ${first.email} answered ${signedIn.status}: set CONTRACT_EMAIL and CONTRACT_PASSWORD.`);
    }
    const missing: RunningTarget['missing'] = {
      'sample-world': 'a deployment has its own data: the journeys assert relations between answers instead of sample figures',
    };
    const secondSignIn = await canSignIn(baseUrl, second);
    if (!secondSignIn.ok) {
      missing.isolation = `signing in as the second customer (${second.email}) answered ${secondSignIn.status}: set CONTRACT_EMAIL_2 and CONTRACT_PASSWORD_2`;
    }
    return {
      name: 'url',
      baseUrl: baseUrl.replace(/\/+$/, ''),
      capabilities: ['stateful', 'rules', 'direct', 'whole-origin', ...(missing.isolation ? [] : (['isolation'] as const))],
      missing,
      accounts: options.accounts,
      async stop() {},
    };
  },
};
