import type { operationSecurity } from '../document.js';
import type { CustomerRecord, Page, PortalStore } from '../store.js';
import type { OperationId } from '../types.js';

/** What an operation that needs a signed-in customer receives besides its input. */
export interface OperationContext {
  store: PortalStore;
  customer: CustomerRecord;
  /** The current time as an RFC 3339 UTC timestamp. */
  now(): string;
}

/** Seconds a bearer token stays valid, on the reference server and in the mocks: what `expires_in` announces. */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** How a host proves who a customer is: its own password hashing and its own tokens. */
export interface HostAuth {
  /**
   * Compares a password with the stored hash. Called with `undefined` for an unknown email, when it must
   * take as long as a real comparison and return false, so that timing does not reveal which accounts exist.
   */
  verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean>;
  issueToken(customerId: number): Promise<{ access_token: string; expires_in: number }>;
  /**
   * The device token a successful sign-in answers for `account` (the lower-cased email), given the one the
   * client sent, if any. A host without device tokens leaves it out, and sign-in answers none.
   */
  issueDeviceToken?(account: string, presented: string | undefined): Promise<string>;
  /** The customer id a bearer token names, or undefined when the token is not valid. */
  verifyToken(token: string): Promise<number | undefined>;
}

/** What an operation that anyone may call receives: the store and the host's way of signing customers in. */
export interface AnonymousContext {
  store: PortalStore;
  auth: HostAuth;
}

/** An operation's context by the security scheme the contract names for it. */
export interface ContextBySecurity {
  none: AnonymousContext;
  bearerAuth: OperationContext;
}

/** The context of one operation, as its `security` in openapi.yaml says. */
export type ContextOf<K extends OperationId> = ContextBySecurity[(typeof operationSecurity)[K]];

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
