/**
 * When PostgreSQL cannot serve a request, a 503 problem that says why and when to try again, never a 500 with
 * a stack:
 * - the database is gone (at start a sentence saying what to check; while serving "not reachable right now").
 *   The pool makes new connections once it is back, so the server recovers without a restart;
 * - the database is there but every pooled connection is in use by other requests, and this one waited
 *   CONNECT_TIMEOUT_MS for one: the server is busy, and a client that tries again shortly is served.
 */
import { ApiError } from '@customer-portal/core';
import type { Pool } from 'pg';

/** Seconds a client is told to wait before trying again when the database is gone. */
const RETRY_AFTER_SECONDS = 5;

/** ... and when every connection was busy: a request holds one for milliseconds, so a second is plenty. */
const BUSY_RETRY_AFTER_SECONDS = 1;

// Class 08 (connection exception), 57P01-57P03 (the server shutting down or starting), 53300 (too many
// connections); the socket errors of a database that is not there; and pg's own messages for a connection
// that broke or could not be had in time (these carry no code).
const UNAVAILABLE_CODES = /^(?:08...|57P0[123]|53300|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|EPIPE)$/;
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Connection ended/i;

// pg-pool's error for a request that waited in its queue for a free connection and gave up. The pool is full
// then, but full may mean connections still trying to reach a database that does not answer: only when every
// one of them is checked out by a request is the server busy (see connectionsInUse).
const WAITED_FOR_A_CONNECTION = 'timeout exceeded when trying to connect';

/** Connections of each pool that requests hold right now: pg counts those still connecting as taken too. */
const inUse = new WeakMap<Pool, { count: number }>();

/** Starts counting the connections requests hold from `pool`; before its first query. Once per pool. */
export function watchConnections(pool: Pool): void {
  if (inUse.has(pool)) return;
  const held = { count: 0 };
  inUse.set(pool, held);
  pool.on('acquire', () => held.count++);
  pool.on('release', () => held.count--);
}

function allConnectionsInUse(pool: Pool): boolean {
  const held = inUse.get(pool)?.count ?? 0;
  return pool.options.max !== undefined && held >= pool.options.max;
}

/** Whether `error` means the database cannot be reached now (rather than a bug or a bad query). */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return UNAVAILABLE_MESSAGES.test(error.message);
}

function databaseUnavailable(): ApiError {
  return new ApiError({
    status: 503,
    title: 'Service unavailable',
    slug: 'service-unavailable',
    detail: `The database is not reachable right now; try again in a few seconds.`,
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  });
}

/** The error that stops the start: where the server looked and why it failed. */
export function unreachableAtStart(where: string, cause: unknown): Error {
  const reason = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : String(cause);
  return new Error(
    `Cannot reach PostgreSQL at ${where} (${reason}): check that it is running and that DATABASE_URL is right.`,
    { cause },
  );
}

function serverBusy(poolSize: number): ApiError {
  return new ApiError({
    status: 503,
    title: 'Service unavailable',
    slug: 'service-unavailable',
    detail: `The server is busy: all ${poolSize} of its database connections are in use. Try again in a moment.`,
    headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
  });
}

/** Runs `work` on `pool`, turning "the database is not there" and "every connection is busy" into 503 problems. */
export async function orUnavailable<T>(pool: Pool, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.message === WAITED_FOR_A_CONNECTION && allConnectionsInUse(pool)) {
      throw serverBusy(pool.options.max!);
    }
    throw isUnavailable(error) ? databaseUnavailable() : error;
  }
}
