/// <reference types="node" />
/**
 * `customer-portal-world from-har FILE.har --out FILE`: a world from a HAR file saved in a browser's developer
 * tools. Browsers leave the `Authorization` header out of a HAR, so the accounts are told apart by the
 * profile answers in it: the answers after a sign-in, or after a profile answer, belong to that account.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { worldFileText } from '@customer-portal/core';
import { buildWorld } from './build-world.js';
import { API, readOf, type AccountRecording } from './exchanges.js';
import { assertSameAnswers, report } from './record.js';
import { UsageError } from './usage-error.js';
import { writeWhole } from './write-file.js';

interface HarHeader {
  name: string;
  value: string;
}

interface HarEntry {
  request: { method: string; url: string; postData?: { text?: string } };
  response: { status: number; headers?: HarHeader[]; content?: { text?: string; encoding?: string } };
}

/** The API path and query of a URL (`/api/v1/customer/orders?limit=10`), wherever the API is mounted. */
function apiPath(url: string): string | undefined {
  const parsed = new URL(url);
  for (const root of [API, '/auth/login']) {
    const at = parsed.pathname.indexOf(root);
    if (at >= 0) return parsed.pathname.slice(at) + parsed.search;
  }
  return undefined;
}

function jsonOf(text: string | undefined, encoding: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text);
  } catch {
    return undefined;
  }
}

/** The accounts of a HAR's entries, each with its answers; and what the HAR did not hold. */
function accountsOfHar(entries: HarEntry[]): { accounts: AccountRecording[]; unseen: string[] } {
  const byCustomer = new Map<number, AccountRecording>();
  const unseen: string[] = [];
  let session: AccountRecording & { customer?: number } = { email: undefined, password: undefined, exchanges: [] };
  const identify = (customer: number) => {
    const known = byCustomer.get(customer);
    if (known) {
      known.exchanges.push(...session.exchanges);
      known.email ??= session.email;
      known.password ??= session.password;
      session = Object.assign(known, { customer });
    } else {
      session.customer = customer;
      byCustomer.set(customer, session);
    }
  };
  let unknown = 0;
  const leave = () => {
    if (session.customer === undefined) unknown += session.exchanges.length;
  };
  for (const { request, response } of entries) {
    const path = apiPath(request.url);
    if (!path) continue;
    if (request.method === 'POST' && path.startsWith('/auth/login')) {
      leave();
      const body = jsonOf(request.postData?.text, undefined) as { email?: string; password?: string } | undefined;
      session = { email: body?.email, password: body?.password, exchanges: [] };
      continue;
    }
    if (request.method !== 'GET') continue;
    const body = jsonOf(response.content?.text, response.content?.encoding);
    if (body === undefined) {
      unseen.push(`GET ${path} has no JSON body in the HAR.`);
      continue;
    }
    if (response.status === 200 && readOf(path).read === 'profile') {
      const customer = (body as { id: number }).id;
      if (session.customer !== undefined && session.customer !== customer) {
        session = { email: undefined, password: undefined, exchanges: [] };
      }
      if (session.customer === undefined) identify(customer);
    }
    const total = response.headers?.find((h) => h.name.toLowerCase() === 'x-total-count')?.value ?? null;
    session.exchanges.push({ path, status: response.status, total, body });
  }
  leave();
  if (unknown > 0) unseen.push(`${unknown} answers came before any profile answer of their account, so whose they are cannot be told: they are left out.`);
  return { accounts: [...byCustomer.values()], unseen };
}

export async function fromHar(args: string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, 'keep-passwords': { type: 'boolean', default: false } } });
  const [har, ...rest] = positionals;
  if (!har || rest.length > 0) throw new UsageError('from-har needs exactly one FILE.har.');
  if (!values.out) throw new UsageError('from-har needs --out FILE.');
  let text: string;
  try {
    text = await readFile(har, 'utf8');
  } catch (error) {
    throw new Error(`${har} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${har} is not JSON (${(error as Error).message.replace(/\.$/, '')}), so it is not a HAR file.`);
  }
  const entries = (parsed as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new Error(`${har} is not a HAR file: it has no log.entries.`);
  const { accounts, unseen } = accountsOfHar(entries as HarEntry[]);
  if (accounts.length === 0) throw new Error(`${har} holds no profile answer (GET ${API}/profile), so no account in it can be told apart; open the profile page while recording.`);
  const built = buildWorld(accounts, { keepPasswords: values['keep-passwords'] });
  built.unseen.unshift(...unseen);
  const differences = await assertSameAnswers(built, accounts, false);
  for (const difference of differences) built.unseen.push(`answered otherwise: ${difference}`);
  await writeWhole(values.out, worldFileText(built.world, built.inferred));
  report(values.out, built, accounts.reduce((n, a) => n + a.exchanges.length, 0), print, values['keep-passwords']);
  return 0;
}
