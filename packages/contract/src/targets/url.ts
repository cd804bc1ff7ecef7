/** Any running deployment of the API, with the customers given in CONTRACT_EMAIL(_2) / CONTRACT_PASSWORD(_2). */
import type { Account, ContractOptions } from '../options.js';
import { SetupError } from '../setup-error.js';
import type { ContractTarget, RunningTarget } from './types.js';

/** How long the first sign-in may take before the backend counts as unreachable. */
const REACH_TIMEOUT_MS = 15_000;

/** Why fetch got no answer, in words: Node puts the system's code on the error's cause. */
function noAnswerReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    EAI_AGAIN: 'the host name did not resolve',
    ECONNRESET: 'the connection was reset',
    TimeoutError: `no answer within ${REACH_TIMEOUT_MS / 1000} s`,
  };
  return (code && reasons[code]) ?? cause?.message ?? (error as Error).message;
}

/**
 * Signs in once, before any case runs: no answer, or credentials the backend refuses, stop the run with a
 * sentence. An answer that signs in but breaks the contract does not: the suite reports it as the one cause
 * of every case that needed the customer.
 */
async function signIn(baseUrl: string, account: Account): Promise<{ ok: boolean; status: number; detail: string | undefined }> {
  let response: Response;
  try {
    response = await fetch(new URL('auth/login', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(account),
      signal: AbortSignal.timeout(REACH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new SetupError(`Nothing answered at ${baseUrl} (${noAnswerReason(error)}): is the backend running, and is --base-url right?`, { cause: error });
  }
  const text = await response.text().catch(() => '');
  let detail: string | undefined;
  try {
    const body = JSON.parse(text) as { detail?: unknown };
    if (typeof body.detail === 'string') detail = body.detail;
  } catch {
    // Not JSON: no detail to quote.
  }
  return { ok: response.ok, status: response.status, detail };
}

export const urlTarget: ContractTarget = {
  name: 'url',
  description: 'a running deployment at --base-url, signed in with CONTRACT_EMAIL / CONTRACT_PASSWORD',
  runsIn: 'main',
  async start(options: ContractOptions): Promise<RunningTarget> {
    const baseUrl = options.baseUrl!;
    const [first, second] = options.accounts;
    const signedIn = await signIn(baseUrl, first);
    if (!signedIn.ok) {
      const answer = `${signedIn.status}${signedIn.detail ? `: ${signedIn.detail}` : ''}`;
      throw new SetupError(
        signedIn.status < 500
          ? `${baseUrl} refused to sign in ${first.email} (${answer}). Set CONTRACT_EMAIL and CONTRACT_PASSWORD to an account of that backend.`
          : `Signing in to ${baseUrl} as ${first.email} answered ${answer}; the suite needs a signed-in customer, so nothing ran.`,
      );
    }
    const missing: RunningTarget['missing'] = {
      'sample-world': 'a deployment has its own data: the journeys assert relations between answers instead of sample figures',
      'sign-in-throttling': 'the suite does not fail sign-ins on a deployment over and over to meet its throttle (a 429 would lock the test account out)',
    };
    const secondSignIn = await signIn(baseUrl, second);
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
