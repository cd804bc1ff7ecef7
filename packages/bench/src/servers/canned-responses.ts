/**
 * The answers the bare Koa contender serves: captured from the reference server before the run, so that both
 * send the very same bytes and the difference between them is the work, not the payload.
 */
export interface CannedResponse {
  method: 'GET' | 'POST';
  /** The exact path requested, without the query string. */
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Environment variable naming the JSON file of CannedResponse[] the bare Koa child loads. */
export const CANNED_RESPONSES_ENV = 'BENCH_CANNED_RESPONSES';
