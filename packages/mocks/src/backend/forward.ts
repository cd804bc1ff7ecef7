/**
 * One request to the real backend, made by the mocks themselves with msw's `bypass()` (so that msw does not
 * answer it again) rather than `passthrough()`, which would hand the answer to the app unseen: the mocks need
 * the answer to check it and journal it. A backend that cannot be reached or does not answer in time is a
 * sentence naming the URL and the operation, never a thrown TypeError.
 */
import { bypass } from 'msw';
import { bodyOf } from './journal.js';

export interface BackendRequest {
  operationId: string;
  method: string;
  url: string;
  headers: Headers;
  /** The JSON body to send, if any. */
  body: string | undefined;
  timeoutMs: number;
}

export type BackendAnswer =
  | { status: number; headers: Record<string, string>; body: unknown; error?: undefined }
  | { error: string };

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

export async function askBackend(request: BackendRequest): Promise<BackendAnswer> {
  const { operationId, method, url, timeoutMs } = request;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(bypass(url, { method, headers: request.headers, body: request.body ?? null, signal }));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers, body: bodyOf(await response.text()) };
  } catch (error) {
    if (signal.aborted) return { error: `The backend did not answer ${operationId} (${method} ${url}) within ${timeoutMs} ms.` };
    return { error: `The backend could not be reached for ${operationId} (${method} ${url}): ${causeOf(error)}.` };
  }
}
