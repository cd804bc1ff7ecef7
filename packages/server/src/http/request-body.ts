/**
 * Reading a request body with core's rules (`parseJsonBody`): no body is `undefined`, a body that is not
 * JSON a 415, one over 100 kB a 413 and one that does not parse a 400. koa-bodyparser reads the raw text,
 * stopping at the limit rather than buffering whatever a client sends. A body may be compressed with
 * gzip, deflate or br; another Content-Encoding is a 415 and one that does not decompress a 400.
 */
import { STATUS_CODES } from 'node:http';
import { ApiError, BODY_LIMIT_BYTES, decodeBodyText, internalError, malformedBody, malformedJson, parseJsonBody, payloadTooLarge, unsupportedMediaType } from '@customer-portal/core';
import type { Context, Middleware } from 'koa';

/** What inflation (under koa-bodyparser) decodes; the limit applies to the decoded bytes. */
const READABLE_ENCODINGS = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);

/**
 * JSON and `+json` types are read (text/plain too, by koa-bodyparser's default, and refused by core), as
 * bytes (`encoding: null`): decoded here by core, which refuses bytes that are not UTF-8 rather than
 * replacing them with U+FFFD as raw-body's decoder does. koa-bodyparser and the two dozen modules under it
 * are loaded with the first request that has a body to read: a server that is only read from never needs
 * them, and loading them was a tenth of its start-up (docs/notes/server-measurements.md).
 */
let bodyTextReader: Promise<Middleware> | undefined;
const readBodyText = () =>
  (bodyTextReader ??= import('koa-bodyparser').then(({ default: bodyParser }) =>
    bodyParser({
      // @ts-expect-error -- koa-bodyparser passes it on to co-body and raw-body, which return a Buffer for null; its types say string.
      encoding: null,
      enableTypes: ['text'],
      extendTypes: { text: ['application/json', 'application/*+json'] },
      textLimit: `${BODY_LIMIT_BYTES}b`,
    }),
  ));

/**
 * The parsed JSON body of the request. Every failure is the portal's own problem (400, 413 or 415), never
 * a 500: zlib's errors carry no HTTP status of their own.
 *
 * @example
 * portal.handle({ ...request, readBody: () => readJsonBody(ctx) });
 */
export async function readJsonBody(ctx: Context): Promise<unknown> {
  const encoding = ctx.get('Content-Encoding').trim().toLowerCase();
  if (encoding !== '' && !READABLE_ENCODINGS.has(encoding)) throw unsupportedEncoding(encoding);
  try {
    await (await readBodyText())(ctx, async () => {});
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isZlibError(error)) throw undecodableBody(encoding);
    throw toProblem(error);
  }
  return requestBody(ctx);
}

/** The parsed JSON body of a request whose bytes have been read. */
function requestBody(ctx: Context): unknown {
  const bytes = ctx.request.rawBody as unknown as Buffer | undefined;
  if (bytes === undefined) {
    // Not read: a content type that is not JSON, or none at all. Only an empty request has no body.
    if (hasBody(ctx)) throw unsupportedMediaType();
    return undefined;
  }
  return parseJsonBody(ctx.get('Content-Type'), decodeBodyText(bytes));
}

function hasBody(ctx: Context): boolean {
  const length = ctx.request.length;
  return length === undefined ? ctx.get('Transfer-Encoding') !== '' : length > 0;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // zlib's codes are Z_DATA_ERROR and kin; brotli's are ERR__ERROR_FORMAT_... (its error names behind ERR_).
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__'));
}

function unsupportedEncoding(encoding: string): ApiError {
  return new ApiError({
    status: 415,
    title: 'Unsupported media type',
    slug: 'unsupported-media-type',
    detail: `The Content-Encoding "${encoding.slice(0, 40)}" is not supported; send the body uncompressed or as gzip, deflate or br.`,
    headers: { 'Accept-Encoding': 'gzip, deflate, br' },
  });
}

function undecodableBody(encoding: string): ApiError {
  return malformedBody(`The request body could not be decompressed as its Content-Encoding (${encoding}) says.`);
}

/**
 * The errors the body reader (koa-bodyparser, over raw-body) throws carry an HTTP status; they become the
 * portal's own problems for that status, so that every host answers a bad body alike. The error handler
 * answers whatever else is thrown with it too.
 */
export function toProblem(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const status = clientErrorStatus(error);
  switch (status) {
    case undefined:
      return internalError();
    case 400:
      return malformedJson();
    case 413:
      return payloadTooLarge();
    case 415:
      return unsupportedMediaType();
    default:
      return new ApiError({ status, title: STATUS_CODES[status] ?? 'Bad request', slug: 'bad-request', detail: `${(error as Error).message}.` });
  }
}

/** The status of an http-errors error meant for the client (4xx, `expose`), if it is one. */
function clientErrorStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const { status, expose } = error as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
