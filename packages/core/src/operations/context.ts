import type { CustomerRecord, Page, PortalStore } from '../store.js';

/** What every protected operation receives besides its input: the store and the signed-in customer. */
export interface OperationContext {
  store: PortalStore;
  customer: CustomerRecord;
  /** The current time as an RFC 3339 UTC timestamp. */
  now(): string;
}

export interface OperationResult<T = unknown> {
  status: 200 | 201;
  body: T;
  headers?: Record<string, string>;
}

export function ok<T>(body: T, headers?: Record<string, string>): OperationResult<T> {
  return headers ? { status: 200, body, headers } : { status: 200, body };
}

export function created<T>(body: T): OperationResult<T> {
  return { status: 201, body };
}

/** A page of a list, with the number of matches before paging in `X-Total-Count`. */
export function listed<T>(page: { items: T[]; total: number }): OperationResult<T[]> {
  return ok(page.items, { 'X-Total-Count': String(page.total) });
}

/**
 * `limit` and `offset` as the validator left them. It has already applied the spec's defaults; the
 * fallbacks only exist because the generated types mark defaulted parameters optional.
 */
export function pageOf(query: { limit?: number; offset?: number }): Page {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

/** A status filter as sent (`all`, `shipped`, `in-progress`...) as the stored status, or none for `all`. */
export function statusFilter<S extends string>(value: string | undefined): S | undefined {
  const status = (value ?? 'all').toUpperCase().replace('-', '_');
  return status === 'ALL' ? undefined : (status as S);
}

/** An empty search means no search. */
export function searchTerm(value: string | undefined): string | undefined {
  return value ? value : undefined;
}
