/**
 * The one error type of the portal. Every failure on the way through a request becomes an ApiError and is
 * written once, as an RFC 9457 problem (`application/problem+json`) whose `detail` a frontend can show.
 */
import type { FieldError, Problem } from './types.js';

/** Where the contract's problem types live: a problem's `type` is this and its slug. */
export const PROBLEM_BASE = 'https://customer-portal.example.com/problems/';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(options: {
    status: number;
    title: string;
    slug: string;
    detail: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
  }) {
    super(options.detail);
    this.name = 'ApiError';
    this.status = options.status;
    this.title = options.title;
    this.type = PROBLEM_BASE + options.slug;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
  }

  get detail(): string {
    return this.message;
  }

  /** The problem document; never carries a stack trace. */
  toProblem(): Problem {
    const problem: Problem = { type: this.type, title: this.title, status: this.status, detail: this.detail };
    if (this.errors) problem.errors = this.errors;
    return problem;
  }
}

/**
 * A request that parses but breaks the schema: one entry per offending field. `omitted` counts the fields
 * left out of a list that was capped (a body with thousands of unknown keys is not answered with all of them).
 */
export function validationFailed(errors: FieldError[], omitted = 0): ApiError {
  // Each message is already a sentence naming its field ("Subject must not be blank."), made for a customer.
  const count = errors.length + omitted;
  const fields = count === 1 ? '1 field' : `${count} fields`;
  const more = omitted > 0 ? [`And ${omitted} more.`] : [];
  return new ApiError({
    status: 422,
    title: 'Validation failed',
    slug: 'validation-error',
    detail: [`Please correct ${fields}.`, ...errors.map((e) => e.message), ...more].join(' '),
    errors,
  });
}

/** A request that is well-formed but breaks a domain rule; `detail` says which. */
export function ruleViolated(detail: string, errors?: FieldError[]): ApiError {
  return new ApiError({
    status: 422,
    title: 'Request not allowed',
    slug: 'rule-violation',
    detail,
    ...(errors ? { errors } : {}),
  });
}

export function notFound(detail: string): ApiError {
  return new ApiError({ status: 404, title: 'Not found', slug: 'not-found', detail });
}

/** 401 for a protected operation; `error` follows RFC 6750 when a token was sent but is unusable. */
export function unauthorized(detail: string, error?: 'invalid_token'): ApiError {
  return new ApiError({
    status: 401,
    title: 'Unauthorized',
    slug: 'unauthorized',
    detail,
    headers: { 'WWW-Authenticate': error ? `Bearer error="${error}"` : 'Bearer' },
  });
}

/** The same answer for an unknown email and a wrong password, so accounts cannot be discovered. */
export function invalidCredentials(): ApiError {
  return new ApiError({
    status: 401,
    title: 'Invalid credentials',
    slug: 'invalid-credentials',
    detail: 'The email or password is incorrect.',
  });
}

/**
 * Too many failed sign-ins for the account or from the address: try again after `Retry-After` seconds.
 * Says nothing about whether the account exists (an unknown email is throttled alike).
 */
export function tooManySignIns(retryAfterSeconds: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError({
    status: 429,
    title: 'Too many sign-in attempts',
    slug: 'too-many-sign-ins',
    detail: `Too many failed sign-in attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
    headers: { 'Retry-After': String(seconds) },
  });
}

/** A body that is not what its headers say: not UTF-8 text, or not decompressible as its Content-Encoding. */
export function malformedBody(detail: string): ApiError {
  return new ApiError({ status: 400, title: 'Malformed body', slug: 'malformed-body', detail });
}

export function malformedJson(): ApiError {
  return new ApiError({
    status: 400,
    title: 'Malformed JSON',
    slug: 'malformed-json',
    detail: 'The request body is not valid JSON.',
  });
}

/** A body nested deeper than MAX_JSON_DEPTH (body.ts): well-formed, but no request of the API looks like it. */
export function bodyTooDeep(limit: number): ApiError {
  return new ApiError({
    status: 400,
    title: 'Malformed JSON',
    slug: 'malformed-json',
    detail: `The request body nests objects and arrays more than ${limit} levels deep.`,
  });
}

export function payloadTooLarge(): ApiError {
  return new ApiError({
    status: 413,
    title: 'Payload too large',
    slug: 'payload-too-large',
    detail: 'The request body is larger than the limit of 100 kB.',
  });
}

export function unsupportedMediaType(): ApiError {
  return new ApiError({
    status: 415,
    title: 'Unsupported media type',
    slug: 'unsupported-media-type',
    detail: 'Send the request body as application/json.',
  });
}

export function routeNotFound(method: string, path: string): ApiError {
  return notFound(`There is no operation ${method.toUpperCase()} ${path} in this API.`);
}

export function methodNotAllowed(method: string, path: string, allowed: string[]): ApiError {
  return new ApiError({
    status: 405,
    title: 'Method not allowed',
    slug: 'method-not-allowed',
    detail: `${method.toUpperCase()} is not allowed on ${path}; use ${allowed.join(', ')}.`,
    headers: { Allow: allowed.join(', ') },
  });
}

export function internalError(): ApiError {
  return new ApiError({
    status: 500,
    title: 'Internal server error',
    slug: 'internal-error',
    detail: 'Something went wrong on our side. Please try again.',
  });
}

/** Any thrown value as an ApiError: unknown errors become a bare 500 with nothing of the original inside. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : internalError();
}
