/**
 * What the contract documents for one operation: the statuses it may answer, and the problem it shows for
 * each. Faults and `Prefer: code=` answer only these, with the contract's own example as the body, so a page
 * built against a fault shows what the real API would send.
 */
import { ApiError, PROBLEM_BASE, problemResponse, type Operation, type PortalResponse, type Problem } from '@customer-portal/core';

/**
 * Whether the operation documents the status: one of its own codes, or a server error (5xx) under its
 * `default` response, which the contract uses for "an unexpected error on the server".
 */
export function isDocumented(operation: Operation, status: number): boolean {
  return Object.hasOwn(operation.responses, String(status)) || (status >= 500 && status <= 599 && 'default' in operation.responses);
}

/** The statuses an operation documents, for messages: `200, 401, 404, 422, 5xx`. */
export function documentedStatuses(operation: Operation): string {
  return Object.keys(operation.responses).map((s) => (s === 'default' ? '5xx' : s)).join(', ');
}

// Used when the contract's example is for another status (a `default` response's 500 example for a 503).
const SERVER_ERRORS: Record<number, { title: string; slug: string }> = {
  502: { title: 'Bad gateway', slug: 'bad-gateway' },
  503: { title: 'Service unavailable', slug: 'service-unavailable' },
  504: { title: 'Gateway timeout', slug: 'gateway-timeout' },
};

/**
 * The problem answer the contract shows for this status of this operation: its example body and required
 * headers (`WWW-Authenticate` for a 401, `Retry-After` for a 429 or a 503), `detail` replaced when given. Call only
 * with a documented status.
 *
 * @example
 * documentedProblem(getOrder, 404).body; // { type: '…/not-found', title: 'Not found', status: 404, detail: 'Order ORD999 was not found.' }
 */
export function documentedProblem(operation: Operation, status: number, detail?: string): PortalResponse {
  const response = operation.responses[String(status)] ?? operation.responses['default']!;
  const example = response.example as Problem | undefined;
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(response.headers)) {
    // The `default` response documents Retry-After for its 503s; a 500 or a 502 does not say when to try again.
    if (name === 'Retry-After' && status >= 500 && status !== 503) continue;
    if (header.example !== undefined) headers[name] = String(header.example);
  }
  const own = example?.status === status ? example : undefined;
  const fallback = SERVER_ERRORS[status] ?? { title: 'Error', slug: 'error' };
  return problemResponse(
    new ApiError({
      status,
      title: own?.title ?? fallback.title,
      slug: own ? own.type.replace(PROBLEM_BASE, '') : fallback.slug,
      detail: detail ?? own?.detail ?? 'Something went wrong on our side. Please try again.',
      headers,
      ...(own?.errors ? { errors: own.errors } : {}),
    }),
  );
}
