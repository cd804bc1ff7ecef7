/**
 * The journal: every exchange the handlers answered, mocks and backend alike, oldest first, with secrets
 * masked, so that a test can ask what the app sent and what it got (WireMock's request journal, per handler set).
 */
import type { BeforeSignInStep, FieldError, PortalHttpRequest, PortalResponse } from '@customer-portal/core';
import type { MockHost } from '../create-handlers.js';
import type { Exchange, ExchangeSource } from './exchange-types.js';
import { maskHeaders, maskSecrets } from './mask.js';

/**
 * How many exchanges a journal keeps by default, the oldest going first: a page left open for a day, or a
 * script that sends thousands of requests through one handler set, stays small.
 */
export const JOURNAL_LIMIT = 1000;

/** What the pipeline's steps add to a request's exchange. */
interface ExchangeNote {
  /** The operation core routed the request to, and its path parameters. */
  operationId?: string;
  path?: Record<string, string>;
  source?: ExchangeSource;
  breaches?: FieldError[];
  error?: string;
  /** The source's own answer when it is not what the app got (the backend's, behind a 502), or null for none. */
  response?: { status: number; headers: Record<string, string>; body: unknown } | null;
}

export interface Journal {
  /**
   * Runs `answer` for one request and keeps the exchange (none when `answer` leaves the request to others).
   * `read` is the request as core reads it: its query is the journal's, and its `host`, by which the
   * pipeline's steps add to the exchange.
   */
  record(request: Request, read: PortalHttpRequest<MockHost>, answer: () => Promise<Response | undefined>): Promise<Response | undefined>;
  /** Adds to the exchange of the request being answered. */
  note(host: MockHost, note: ExchangeNote): void;
  /** The step before sign-in, first of all, that notes the operation core routed the request to. */
  step: BeforeSignInStep<MockHost>;
  /**
   * Core's answer as written (its JSON text, if it has a body), so that the journal need not read the
   * Response's body back.
   */
  written(host: MockHost, answer: PortalResponse, text: string | undefined): void;
  /** A place, in order of starting, for an exchange the mocks make themselves (their sign-in to the backend). */
  reserve(): (exchange: Exchange) => void;
  /** The exchanges kept, oldest first. */
  entries(): Exchange[];
  clear(): void;
}

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A body as JSON when it parses, as text when it does not, undefined when empty. */
export function bodyOf(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function headersOf(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => (record[name] = value));
  return record;
}

/** What the journal holds of one request it answered until someone reads it: the values as they came. */
interface Raw {
  method: string;
  url: string;
  query: Record<string, string | string[]>;
  note: ExchangeNote;
  /** The request's body as sent, when it may have one. */
  sent: string | undefined;
  /** The answer as written, its body as JSON text, or null for a dropped connection. */
  answer: { status: number; headers: Record<string, string>; text: string | undefined } | null;
  startedAt: number;
  durationMs: number;
}

/** What the journal knows of a request being answered. */
interface Pending {
  note: ExchangeNote;
  written?: Raw['answer'];
}

/** A kept exchange, with the order its request started in and, once read, the exchange as shown. */
interface Kept {
  order: number;
  raw?: Raw;
  exchange?: Exchange;
  shown?: Exchange;
}

const DROPPED = 'The connection failed before an answer (a network-error fault).';

function exchangeOf(raw: Raw): Exchange {
  const { note, answer } = raw;
  return {
    operationId: note.operationId ?? null,
    method: raw.method,
    url: raw.url,
    source: note.source ?? 'mocks',
    request: { path: note.path ?? {}, query: raw.query, body: raw.sent === undefined ? undefined : bodyOf(raw.sent) },
    response:
      note.response !== undefined
        ? note.response
        : answer && { status: answer.status, headers: answer.headers, body: answer.text === undefined ? undefined : bodyOf(answer.text) },
    error: note.error ?? (answer === null ? DROPPED : null),
    breaches: note.breaches ?? [],
    startedAt: new Date(raw.startedAt).toISOString(),
    durationMs: Math.round(raw.durationMs * 10) / 10,
  };
}

/** The exchange as the journal shows it: secrets masked (the bodies copied), header names lower-cased. */
function masked(exchange: Exchange): Exchange {
  const { request, response } = exchange;
  return {
    ...exchange,
    request: { ...request, body: maskSecrets(request.body) },
    response: response && { ...response, headers: maskHeaders(response.headers), body: maskSecrets(response.body) },
  };
}

/** The journal of one handler set; `limit` bounds how many exchanges it keeps (default: all). */
export function createJournal(limit = JOURNAL_LIMIT): Journal {
  // Each exchange with the order it started in: one answered later than another that started after it (a
  // sign-in behind the app's own) still comes first. An exchange is kept as its raw values (the URL, the
  // answer's JSON text, the clock readings) and made into an Exchange, masked, only when first read, so that
  // a request costs the journal a few references and an exchange nobody reads costs no parsing or copying.
  // Past the limit the oldest go a batch at a time, not one copy of the whole list per request.
  let kept: Kept[] = [];
  const slack = Math.ceil(limit / 4);
  let started = 0;
  const pending = new WeakMap<MockHost, Pending>();

  const keep = (entry: Kept) => {
    let at = kept.length;
    while (at > 0 && kept[at - 1]!.order > entry.order) at -= 1;
    kept.splice(at, 0, entry);
    if (kept.length > limit + slack) kept.splice(0, kept.length - limit);
  };
  const pendingOf = (host: MockHost): Pending => {
    let known = pending.get(host);
    if (!known) pending.set(host, (known = { note: {} }));
    return known;
  };

  return {
    async record(request, read, answer) {
      const order = started++;
      const startedAt = Date.now();
      const startedAtMs = performance.now();
      const known = pendingOf(read.host!);
      // A copy to read the body from afterwards: the answer reads (and uses up) the request's own.
      const sent = NO_BODY.has(request.method) ? undefined : request.clone();
      const response = await answer();
      if (!response) return response;
      const durationMs = performance.now() - startedAtMs;
      let written = known.written;
      if (response.type === 'error') written = null;
      else if (written === undefined) {
        written = { status: response.status, headers: headersOf(response.headers), text: await response.clone().text() };
      }
      keep({
        order,
        raw: { method: request.method, url: request.url, query: read.query, note: known.note, sent: sent && (await sent.text()), answer: written, startedAt, durationMs },
      });
      return response;
    },
    note(host, note) {
      Object.assign(pendingOf(host).note, note);
    },
    step: ({ operation, request }) => {
      const { note } = pendingOf(request.host!);
      note.operationId = operation.operationId;
      note.path = request.path;
      return undefined;
    },
    written(host, answer, text) {
      pendingOf(host).written = { status: answer.status, headers: answer.headers, text };
    },
    reserve() {
      const order = started++;
      return (exchange) => keep({ order, exchange });
    },
    entries() {
      const from = Math.max(0, kept.length - limit);
      const shown: Exchange[] = [];
      for (let i = from; i < kept.length; i++) {
        const entry = kept[i]!;
        shown.push((entry.shown ??= masked(entry.exchange ?? exchangeOf(entry.raw!))));
        entry.raw = undefined;
      }
      return shown;
    },
    clear() {
      kept = [];
    },
  };
}
