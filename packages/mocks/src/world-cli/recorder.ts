/// <reference types="node" />
/**
 * Reading everything an account's read operations show, over HTTP, at a pace a shared backend tolerates: one
 * request at a time, a pause between them, and a `429`'s `Retry-After` honoured before asking again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { API, type AccountRecording, type Exchange } from './exchanges.js';

/** The recording cannot go on: the message is one sentence. */
class RecordingFailed extends Error {
  override name = 'RecordingFailed';
}

export interface RecorderOptions {
  baseUrl: string;
  /** Milliseconds between requests. */
  paceMs: number;
  /** Told when the backend asks the recorder to wait. */
  say: (line: string) => void;
  /** How many 429s in a row one request may meet before the recording gives up. */
  maxRetries?: number;
}

const PAGE = 100;
const LONGEST_WAIT_S = 120;

function detailOf(body: unknown): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' ? `: ${detail.replace(/\.$/, '')}` : '';
}

export function createRecorder({ baseUrl, paceMs, say, maxRetries = 5 }: RecorderOptions) {
  const base = baseUrl.replace(/\/+$/, '');

  async function send(path: string, init: RequestInit): Promise<{ status: number; total: string | null; body: unknown }> {
    for (let attempt = 0; ; attempt++) {
      await sleep(paceMs);
      let res: Response;
      try {
        res = await fetch(base + path, init);
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new RecordingFailed(`Cannot reach ${base} (${cause?.code ?? cause?.message ?? (error as Error).message}); check that the backend runs at that URL.`);
      }
      const text = await res.text();
      let body: unknown = null;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        throw new RecordingFailed(`${init.method ?? 'GET'} ${base}${path} answered ${res.status} with a body that is not JSON; is ${base} the portal API?`);
      }
      if (res.status === 429 && attempt < maxRetries) {
        const seconds = Math.min(LONGEST_WAIT_S, Math.max(1, Number(res.headers.get('Retry-After')) || 1));
        say(`${base} asked to wait (429): waiting ${seconds} s as its Retry-After says.`);
        await sleep(seconds * 1000);
        continue;
      }
      return { status: res.status, total: res.headers.get('X-Total-Count'), body };
    }
  }

  async function signIn(email: string, password: string): Promise<string> {
    const { status, body } = await send('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const token = (body as { access_token?: unknown } | null)?.access_token;
    if (status !== 200 || typeof token !== 'string') throw new RecordingFailed(`${base} refused the sign-in of ${email} (${status}${detailOf(body)}).`);
    return token;
  }

  /** Every read of one account: profile, settings, dashboard, every page of orders, tickets and notifications, each order and its tracking, each ticket. */
  async function recordAccount(email: string, password: string): Promise<AccountRecording> {
    const token = await signIn(email, password);
    const exchanges: Exchange[] = [];
    const get = async <T>(path: string): Promise<T> => {
      const answer = await send(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
      if (answer.status !== 200) throw new RecordingFailed(`GET ${path} answered ${answer.status}${detailOf(answer.body)} while recording ${email}, so no world file was written.`);
      exchanges.push({ path, ...answer });
      return answer.body as T;
    };
    const everyPage = async <T>(list: string): Promise<T[]> => {
      const rows: T[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await get<T[]>(`${API}/${list}?limit=${PAGE}&offset=${offset}`);
        rows.push(...page);
        const total = Number(exchanges.at(-1)!.total ?? rows.length);
        if (page.length === 0 || rows.length >= total) return rows;
      }
    };
    await get(`${API}/profile`);
    await get(`${API}/settings`);
    await get(`${API}/dashboard`);
    for (const order of await everyPage<{ id: string }>('orders')) {
      await get(`${API}/orders/${encodeURIComponent(order.id)}`);
      await get(`${API}/orders/track/${encodeURIComponent(order.id)}`);
    }
    for (const ticket of await everyPage<{ id: string }>('tickets')) await get(`${API}/tickets/${encodeURIComponent(ticket.id)}`);
    await everyPage('notifications');
    return { email, password, exchanges };
  }

  return { recordAccount };
}
