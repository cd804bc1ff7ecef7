/**
 * The journal: every exchange the handlers answered, mocks and backend alike, oldest first, with secrets
 * masked, so that a test can ask what the app sent and what it got (WireMock's request journal, per handler set).
 */
import type { FieldError, PortalResponse } from '@customer-portal/core';
import { queryOf } from '../exchange.js';
import type { Exchange, ExchangeSource } from './exchange-types.js';
import { maskHeaders, maskSecrets } from './mask.js';

/** How many exchanges a browser keeps (the oldest go first): a page left open for a day stays small. */
export const BROWSER_JOURNAL_LIMIT = 1000;

/** What the step that answered a request adds to its exchange. */
export interface ExchangeNote {
  source?: ExchangeSource;
  breaches?: FieldError[];
  error?: string;
  /** The source's own answer when it is not what the app got (the backend's, behind a 502), or null for none. */
  response?: { status: number; headers: Record<string, string>; body: unknown } | null;
}

export interface Journal {
  /** Runs `answer` for one request and keeps the exchange (none when `answer` leaves the request to others). */
  record(request: Request, operationId: string | null, params: Record<string, unknown>, answer: () => Promise<Response | undefined>): Promise<Response | undefined>;
  /** Adds to the exchange of a request being answered. */
  note(request: Request, note: ExchangeNote): void;
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

function pathOf(params: Record<string, unknown>): Record<string, string> {
  const path: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) path[name] = Array.isArray(value) ? value.join('/') : String(value);
  return path;
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
export function createJournal(limit = Infinity): Journal {
  // Each exchange with the order it started in: one answered later than another that started after it (a
  // sign-in behind the app's own) still comes first. Bodies are kept as answered (each answer's body is its
  // own copy: the store copies, the backend's is parsed afresh) and masked once, when first read, so that an
  // exchange nobody reads costs no copy.
  let exchanges: { order: number; kept: Exchange; shown?: Exchange }[] = [];
  let started = 0;
  const notes = new WeakMap<Request, ExchangeNote>();
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
    async record(request, operationId, params, answer) {
      const order = started++;
      const startedAt = new Date().toISOString();
      const startedAtMs = performance.now();
      // A copy to read the body from afterwards: the answer reads (and uses up) the request's own.
      const sent = NO_BODY.has(request.method) ? undefined : request.clone();
      const response = await answer();
      if (!response) return response;
      const note = notes.get(request) ?? {};
      const error = note.error ?? (response.type === 'error' ? 'The connection failed before an answer (a network-error fault).' : null);
      keep(
        {
          operationId,
          method: request.method,
          url: request.url,
          source: note.source ?? 'mocks',
          request: { path: pathOf(params), query: queryOf(new URL(request.url)), body: sent ? bodyOf(await sent.text()) : undefined },
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
    note(request, note) {
      notes.set(request, { ...notes.get(request), ...note });
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
