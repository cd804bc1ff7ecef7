/** The `backend` option: where the real backend is, what it serves from the start, and how it is held to the contract. */
import type { OperationKey } from '../operation-key.js';

export interface BackendOptions {
  /**
   * Where the real backend is: `https://staging.example.com`, or in a browser a path on the app's own origin
   * that the dev server proxies to it (`/backend`), which needs no CORS.
   */
  baseUrl: string;
  /** What the backend serves from the start: `'all'` or these operations (operationId or `'METHOD /path'`). */
  operations: 'all' | readonly OperationKey[];
  /**
   * An answer that breaks the contract: `'warn'` (the default) passes it on with a console warning naming the
   * operation and each field; `'fail'` answers a `502` problem naming the fields instead.
   */
  onBreach?: 'warn' | 'fail';
  /** How long to wait for the backend's answer before a `502` (default 10,000 ms). */
  timeoutMs?: number;
}

export interface ResolvedBackend {
  /** The base URL, absolute, without a trailing slash. */
  baseUrl: string;
  operations: 'all' | readonly string[];
  onBreach: 'warn' | 'fail';
  timeoutMs: number;
}

const DEFAULT_BACKEND_TIMEOUT_MS = 10_000;

/** The options with their defaults, checked: a mistake throws when the handlers are made, with what to write. */
export function resolveBackend(options: BackendOptions): ResolvedBackend {
  const { baseUrl, operations, onBreach = 'warn', timeoutMs = DEFAULT_BACKEND_TIMEOUT_MS } = options;
  if (typeof baseUrl !== 'string' || baseUrl === '') throw new Error("backend.baseUrl is required: the backend's URL, e.g. 'https://staging.example.com' (or '/backend' behind the dev server's proxy).");
  let absolute: URL;
  try {
    absolute = new URL(baseUrl, globalThis.location?.href);
  } catch {
    throw new Error(`backend.baseUrl "${baseUrl}" is not a URL; give an absolute one (http://127.0.0.1:3000), or in a browser a path on the app's origin (/backend).`);
  }
  if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') throw new Error(`backend.baseUrl "${baseUrl}" must be an http or https URL.`);
  if (onBreach !== 'warn' && onBreach !== 'fail') throw new Error(`backend.onBreach is "${String(onBreach)}"; use 'warn' or 'fail'.`);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error(`backend.timeoutMs must be a whole number of milliseconds, 1 or more; got ${String(timeoutMs)}.`);
  if (operations !== 'all' && !Array.isArray(operations)) throw new Error("backend.operations must be 'all' or a list of operations (operationId or 'METHOD /path').");
  return { baseUrl: absolute.href.replace(/\/+$/, ''), operations, onBreach, timeoutMs };
}
