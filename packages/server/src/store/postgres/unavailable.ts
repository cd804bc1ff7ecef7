/**
 * When PostgreSQL goes away: at start a sentence saying what to check; while serving a 503 problem that says
 * to try again, never a 500 with a stack. The pool makes new connections once the database is back, so the
 * server recovers without a restart.
 */
import { ApiError } from '@customer-portal/core';

/** Seconds a client is told to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

// Class 08 (connection exception), 57P01-57P03 (the server shutting down or starting), 53300 (too many
// connections); the socket errors of a database that is not there; and pg's own messages for a connection
// that broke or could not be had in time (these carry no code).
const UNAVAILABLE_CODES = /^(?:08...|57P0[123]|53300|ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|EPIPE)$/;
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Connection ended/i;

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

/** Runs `work`, turning "the database is not there" into the 503 problem. */
export async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isUnavailable(error) ? databaseUnavailable() : error;
  }
}
