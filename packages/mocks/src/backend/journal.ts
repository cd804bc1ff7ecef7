/**
 * The journal: every exchange the handlers answered, mocks and backend alike, oldest first, with secrets
 * masked, so that a test can ask what the app sent and what it got (WireMock's request journal, per handler set).
 */
import type { BeforeSignInStep, FieldError, PortalResponse } from '@customer-portal/core';
import { queryOf, type MockHost } from '../exchange.js';
import type { Exchange, ExchangeSource } from './exchange-types.js';
import { maskHeaders, maskSecrets } from './mask.js';

/**
 * How many exchanges a journal keeps by default, the oldest going first: a page left open for a day, or a
 * script that sends thousands of requests through one handler set, stays small.
 */
export const JOURNAL_LIMIT = 1000;

/** What the pipeline's steps add to a request's exchange. */
export interface ExchangeNote {
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
   * `host` is the request's `MockHost`, by which the pipeline's steps add to the exchange.
   */
  record(request: Request, host: MockHost, answer: () => Promise<Response | undefined>): Promise<Response | undefined>;
  /** Adds to the exchange of the request being answered. */
  note(host: MockHost, note: ExchangeNote): void;
  /** The step before sign-in, first of all, that notes the operation core routed the request to. */
  step: BeforeSignInStep<MockHost>;
  /** The Response written for core's answer, remembered so that the journal need not read its body back. */
  written(response: Response, answer: PortalResponse): Response;
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
  // sign-in behind the app's own) still comes first. Bodies are kept as answered (each answer's body is its
  // own copy: the store copies, the backend's is parsed afresh) and masked once, when first read, so that an
  // exchange nobody reads costs no copy.
  let exchanges: { order: number; kept: Exchange; shown?: Exchange }[] = [];
  let started = 0;
  const notes = new WeakMap<MockHost, ExchangeNote>();
  const answers = new WeakMap<Response, PortalResponse>();

  const keep = (kept: Exchange, order: number) => {
    let at = exchanges.length;
    while (at > 0 && exchanges[at - 1]!.order > order) at -= 1;
    exchanges.splice(at, 0, { order, kept });
    if (exchanges.length > limit) exchanges = exchanges.slice(exchanges.length - limit);
  };

  async function responseOf(response: Response): Promise<Exchange['response']> {
    if (response.type === 'error') return null;
    const answer = answers.get(response);
    if (answer) return { status: answer.status, headers: answer.headers, body: answer.body };
    return { status: response.status, headers: headersOf(response.headers), body: bodyOf(await response.clone().text()) };
  }

  return {
    async record(request, host, answer) {
      const order = started++;
      const startedAt = new Date().toISOString();
      const startedAtMs = performance.now();
      // A copy to read the body from afterwards: the answer reads (and uses up) the request's own.
      const sent = NO_BODY.has(request.method) ? undefined : request.clone();
      const response = await answer();
      if (!response) return response;
      const note = notes.get(host) ?? {};
      const error = note.error ?? (response.type === 'error' ? 'The connection failed before an answer (a network-error fault).' : null);
      keep(
        {
          operationId: note.operationId ?? null,
          method: request.method,
          url: request.url,
          source: note.source ?? 'mocks',
          request: { path: note.path ?? {}, query: queryOf(new URL(request.url)), body: sent ? bodyOf(await sent.text()) : undefined },
          response: note.response !== undefined ? note.response : await responseOf(response),
          error,
          breaches: note.breaches ?? [],
          startedAt,
          durationMs: Math.round((performance.now() - startedAtMs) * 10) / 10,
        },
        order,
      );
      return response;
    },
    note(host, note) {
      notes.set(host, { ...notes.get(host), ...note });
    },
    step: ({ operation, request }) => {
      notes.set(request.host!, { ...notes.get(request.host!), operationId: operation.operationId, path: request.path });
      return undefined;
    },
    written(response, answer) {
      answers.set(response, answer);
      return response;
    },
    reserve() {
      const order = started++;
      return (exchange) => keep(exchange, order);
    },
    entries: () => exchanges.map((e) => (e.shown ??= masked(e.kept))),
    clear() {
      exchanges = [];
    },
  };
}
