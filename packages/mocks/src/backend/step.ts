/**
 * The backend passthrough as one step around the operation: the request has been routed, signed in and
 * validated; this step either lets the mocks answer (`next()`) or asks the real backend, holds its answer to
 * the contract and tells the journal. It also keeps the one sign-in (decision 011): the app's token is the
 * mocks', and the backend's token for the same customer rides behind it.
 */
import { ApiError, problemResponse, type AroundOperation, type AroundOperationStep, type ContractValidator, type FieldError, type PortalResponse } from '@customer-portal/core';
import type { MockHost } from '../create-handlers.js';
import { askBackend, type BackendAnswer } from './forward.js';
import type { Journal } from './journal.js';
import type { ResolvedBackend } from './options.js';
import type { BackendSelection } from './selection.js';
import type { BackendSessions } from './sessions.js';

type Call = AroundOperation<MockHost>;

/** What the step needs of the mocks' world for a sign-in. */
interface WorldSignIn {
  /** The world's customer with this email (case-insensitive, as sign-in is), if any. */
  customerIdOf(email: string): Promise<number | undefined>;
  /** A mocks token for the customer, as the mocks' own login issues. */
  issueToken(customerId: number): Promise<{ access_token: string; expires_in: number }>;
}

export interface BackendStepOptions {
  backend: ResolvedBackend;
  selection: BackendSelection;
  sessions: BackendSessions;
  validator: ContractValidator;
  journal: Journal;
  world: WorldSignIn;
  /** The mocks' base URL: its path, if it has one, is replaced by the backend's. */
  mocksBaseUrl: string;
}

// What goes to the backend from the app's request: the content negotiation and the app's own `X-` headers.
// Authorization is replaced by the backend's token; `Prefer` was the mocks' to answer.
const FORWARDED = /^(content-type|accept|accept-language|x-(?!msw).*)$/i;
// What the fetch of the backend's answer decoded or framed, and the mocks write again.
const NOT_PASSED_ON = /^(content-length|content-encoding|transfer-encoding|connection|keep-alive)$/i;

function fields(breaches: FieldError[]): string {
  return breaches.map((e) => `${e.location}: ${e.message}`).join(' ');
}

function badGateway(slug: string, detail: string): PortalResponse {
  return problemResponse(new ApiError({ status: 502, title: 'Bad gateway', slug, detail }));
}

export function createBackendStep(options: BackendStepOptions): AroundOperationStep<MockHost> {
  const { backend, selection, sessions, validator, journal, world } = options;
  const mocksPath = options.mocksBaseUrl === '' ? '' : new URL(options.mocksBaseUrl, 'http://mocks.invalid').pathname.replace(/\/+$/, '');

  function backendUrl(requestUrl: string): string {
    const url = new URL(requestUrl);
    const path = mocksPath && url.pathname.startsWith(mocksPath) ? url.pathname.slice(mocksPath.length) : url.pathname;
    return backend.baseUrl + path + url.search;
  }

  function ask(call: Call, url: string, token: string | undefined): Promise<BackendAnswer> {
    const headers = new Headers();
    call.request.host!.request.headers.forEach((value, name) => FORWARDED.test(name) && headers.set(name, value));
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const body = call.operation.requestBody && call.input.body !== undefined ? JSON.stringify(call.input.body) : undefined;
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    return askBackend({ operationId: call.operation.operationId, method: call.request.host!.request.method, url, headers, body, timeoutMs: backend.timeoutMs });
  }

  /** The backend's answer as the app gets it: passed on, or a 502 when it breaks the contract and breaches fail. */
  function held(call: Call, answer: Exclude<BackendAnswer, { error: string }>): PortalResponse {
    const { operationId } = call.operation;
    const breaches = validator.checkResponse(operationId, answer.status, answer.headers, answer.body);
    journal.note(call.request.host!, { source: 'backend', breaches, response: answer });
    if (breaches.length > 0) {
      if (backend.onBreach === 'fail') return badGateway('backend-breaks-contract', `The backend answered ${operationId} with ${answer.status} against the contract: ${fields(breaches)}`);
      console.warn(`[customer-portal mocks] The backend's answer to ${operationId} (${answer.status}) breaks the contract: ${fields(breaches)}`);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) if (!NOT_PASSED_ON.test(name)) headers[name] = value;
    return { status: answer.status, headers, body: answer.body };
  }

  async function forward(call: Call, token: string | undefined): Promise<PortalResponse> {
    const answer = await ask(call, backendUrl(call.request.host!.request.url), token);
    if (answer.error !== undefined) {
      journal.note(call.request.host!, { source: 'backend', error: answer.error, response: null });
      return badGateway('backend-unreachable', answer.error);
    }
    return held(call, answer);
  }

  /** `login` served by the backend: its answer is the app's, with a mocks token for the world's customer. */
  async function signInAtBackend(call: Call): Promise<PortalResponse> {
    const url = backendUrl(call.request.host!.request.url);
    const answer = await ask(call, url, undefined);
    if (answer.error !== undefined) {
      journal.note(call.request.host!, { source: 'backend', error: answer.error, response: null });
      return badGateway('backend-unreachable', answer.error);
    }
    const response = held(call, answer);
    const token = (answer.body as { access_token?: unknown } | undefined)?.access_token;
    if (response.status !== 200) return response;
    if (typeof token !== 'string') return badGateway('backend-breaks-contract', `The backend's answer to login (${url}) has no access_token to sign in with.`);
    const { email } = call.input.body as unknown as { email: string };
    const customerId = await world.customerIdOf(email);
    if (customerId === undefined) {
      return problemResponse(
        new ApiError({
          status: 401,
          title: 'Invalid credentials',
          slug: 'customer-not-in-world',
          detail: `The backend signed in ${email}, but the mocks' world has no customer with that email, so the operations the mocks serve would not know them: add a customer with the email ${email} to the world (the world option).`,
        }),
      );
    }
    await sessions.keep(customerId, Promise.resolve(token));
    const mine = await world.issueToken(customerId);
    return { ...response, body: { ...(answer.body as object), access_token: mine.access_token, expires_in: mine.expires_in } };
  }

  /** `login` served by the mocks: the backend is signed in to with the same credentials, for what it serves. */
  async function signInBehind(call: Call): Promise<string | undefined> {
    const url = backend.baseUrl + call.operation.path;
    const keep = journal.reserve();
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const answer = await ask(call, url, undefined);
    const breaches = answer.error === undefined ? validator.checkResponse('login', answer.status, answer.headers, answer.body) : [];
    keep({
      operationId: 'login',
      method: 'POST',
      url,
      source: 'backend',
      request: { path: {}, query: {}, body: call.input.body },
      response: answer.error === undefined ? answer : null,
      error: answer.error ?? null,
      breaches,
      startedAt,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
    const token = answer.error === undefined && answer.status === 200 ? (answer.body as { access_token?: unknown } | undefined)?.access_token : undefined;
    if (typeof token === 'string') return token;
    if (selection.anyOnBackend()) {
      const why = answer.error ?? `it answered ${answer.status}`;
      console.warn(`[customer-portal mocks] Signed in with the mocks, but not with the backend (${why}): the operations it serves will answer its 401 or a 502.`);
    }
    return undefined;
  }

  return async (call) => {
    const { operationId } = call.operation;
    if (selection.sideOf(operationId) === 'backend') {
      journal.note(call.request.host!, { source: 'backend' });
      if (operationId === 'login') return signInAtBackend(call);
      const token = call.customer ? await sessions.tokenFor(call.customer.id) : undefined;
      return forward(call, token);
    }
    const response = await call.next();
    if (operationId === 'login' && response.status === 200) {
      const customerId = await world.customerIdOf((call.input.body as unknown as { email: string }).email);
      if (customerId !== undefined) {
        const signingIn = sessions.keep(customerId, signInBehind(call));
        // Waited for only when the backend serves something now: a backend that is down or slow then does
        // not hold up a sign-in that nothing needs it for.
        if (selection.anyOnBackend()) await signingIn;
      }
    }
    return response;
  };
}
