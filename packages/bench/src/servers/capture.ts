/**
 * Records what the reference server answers to each request of the workloads, for bare Koa to replay.
 */
import type { LoadRequest } from '../load.js';
import type { CannedResponse } from './canned-responses.js';

// Headers a client reads; the rest (Date, Content-Length, Connection) every server writes for itself.
const KEPT_HEADERS = /^(content-type|x-total-count|location|www-authenticate)$/i;

/**
 * Sends each distinct request once to `url` and records the answer.
 *
 * @example
 * const canned = await captureResponses(referenceUrl, workloads(token).flatMap((w) => w.requests));
 */
export async function captureResponses(url: string, requests: LoadRequest[]): Promise<CannedResponse[]> {
  const distinct = new Map(requests.map((r) => [`${r.method} ${r.path}`, r]));
  const canned: CannedResponse[] = [];
  for (const request of distinct.values()) {
    const response = await fetch(`${url}${request.path}`, {
      method: request.method,
      headers: request.headers ?? {},
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    if (!response.ok) throw new Error(`${request.method} ${request.path} answered ${response.status} on the reference server.`);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (KEPT_HEADERS.test(name)) headers[name] = value;
    });
    canned.push({ method: request.method, path: new URL(request.path, url).pathname, status: response.status, headers, body: await response.text() });
  }
  return canned;
}
