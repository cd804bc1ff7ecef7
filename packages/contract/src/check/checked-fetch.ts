/**
 * A fetch that checks every response against the contract before handing it back. The suite's SDK clients
 * use it, so a breach fails the test that made the call, wherever the call is.
 */
import type { CheckedExchange, ResponseChecker } from './response-checker.js';

/** A response that breaks the contract; the message names the request, the operation, the status and each field. */
export class ContractBreachError extends Error {
  constructor(readonly exchange: CheckedExchange) {
    super(describeBreach(exchange));
    this.name = 'ContractBreachError';
  }
}

/** `GET /api/v1/customer/orders/ORD123 (getOrder) answered 200, breaking the contract:` and one line per breach. */
export function describeBreach(exchange: CheckedExchange): string {
  const operation = exchange.operationId ?? 'no operation in the contract';
  const lines = exchange.breaches.map((b) => `  - ${b.location}: ${b.message}`);
  return [`${exchange.method} ${exchange.path} (${operation}) answered ${exchange.status}, breaking the contract:`, ...lines].join('\n');
}

export interface CheckedFetchOptions {
  checker: ResponseChecker;
  /** Called with every exchange, kept or broken, e.g. to record coverage. */
  onExchange?: (exchange: CheckedExchange) => void;
  /** The fetch to wrap; the global one (looked up on each call, so MSW's patch is seen) when not given. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A fetch for `createPortalClient({ fetch })` that throws a ContractBreachError on any breach.
 *
 * @example
 * const fetch = createCheckedFetch({ checker: createResponseChecker({ baseUrl }) });
 * const portal = createPortalClient({ baseUrl, fetch });
 */
export function createCheckedFetch(options: CheckedFetchOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const response = await (options.fetch ?? globalThis.fetch)(request);
    const body = await response.clone().text();
    const exchange = options.checker.check(
      { method: request.method, url: request.url },
      { status: response.status, headers: response.headers, body },
    );
    options.onExchange?.(exchange);
    if (exchange.breaches.length > 0) throw new ContractBreachError(exchange);
    return response;
  };
}
