/**
 * The server's log: pino, one JSON object a line for a log pipeline, or the same entries as short readable
 * lines on a terminal. JSON lines go to stdout through sonic-boom without waiting on a write: the lines of a
 * turn of the event loop go in one write (turnLines), so that a busy server writes the lines of many requests
 * in one system call, and they are all written, synchronously, when the process exits or crashes.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** `json`: one JSON object a line. `pretty`: `12:04:05 INFO  GET /api/v1/customer/orders 200 1.4 ms …`. */
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  /** Default: `pretty` when stdout is a terminal, `json` otherwise (a file, a pipe, a container's log). */
  format?: LogFormat;
  /** `info` by default; `warn` keeps only problems, `debug` adds nothing today. */
  level?: string;
  /** Where lines go (default stdout); anything with `write(line)`, for a test or a file. */
  destination?: DestinationStream;
}

/**
 * @example
 * const log = createLogger({ format: 'json' });
 * log.info({ requestId: 'c0ffee', status: 200 }, 'GET /healthz 200');
 * // {"level":"info","time":"2026-12-07T09:12:03.123Z","requestId":"c0ffee","status":200,"msg":"GET /healthz 200"}
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const stdout = options.destination ?? (format === 'json' ? turnLines(pino.destination({ dest: 1, sync: false })) : process.stdout);
  return pino(
    {
      level: options.level ?? 'info',
      // No pid or hostname on every line: a log pipeline adds its own; the level as a word, the time as ISO 8601.
      base: undefined,
      timestamp: isoTimeOfTheMillisecond(),
      formatters: { level: (label) => ({ level: label }) },
    },
    format === 'json' ? stdout : prettyLines(stdout),
  );
}

/**
 * pino's ISO 8601 `time`, written once a millisecond: a busy server logs many lines in one, and formatting the
 * date was a tenth of what a line cost.
 *
 * @example
 * const time = isoTimeOfTheMillisecond();
 * time(); // ',"time":"2026-12-07T09:12:03.123Z"'
 */
function isoTimeOfTheMillisecond(): () => string {
  let millisecond = Number.NaN;
  let text = '';
  return () => {
    const now = Date.now();
    if (now !== millisecond) {
      millisecond = now;
      text = `,"time":"${new Date(now).toISOString()}"`;
    }
    return text;
  };
}

/** What turnLines writes to: pino's sonic-boom, or anything that can write now and write what it holds before exit. */
type LineSink = Pick<ReturnType<typeof pino.destination>, 'write' | 'flushSync'>;

/** The destinations holding lines not yet given to their sink: each only until the end of its turn. */
const holdingLines = new Set<() => void>();
let writesBeforeExit = false;

/**
 * A destination that gathers the lines of one turn of the event loop and gives them to `sink` in one write when
 * the turn ends: under load a turn answers tens of requests. When the process exits (process.exit, the end of
 * the event loop, or an uncaught exception) the lines not yet given are written with the sink's own,
 * synchronously, so that a crash's last lines are not lost.
 *
 * @example
 * pino({}, turnLines(pino.destination({ dest: 1, sync: false })));
 */
export function turnLines(sink: LineSink): DestinationStream {
  if (!writesBeforeExit) {
    writesBeforeExit = true;
    process.once('exit', () => holdingLines.forEach((writeNow) => writeNow()));
  }
  let pending = '';
  const give = () => {
    holdingLines.delete(writeNow);
    const lines = pending;
    pending = '';
    if (lines) sink.write(lines);
  };
  // pino's own hook may already have written what the sink held: whatever comes now is written at once.
  const writeNow = () => {
    give();
    sink.flushSync();
  };
  return {
    write(line: string) {
      if (!pending) {
        holdingLines.add(writeNow);
        setImmediate(give);
      }
      pending += line;
    },
  };
}

// Shown first, or already in an access entry's message (`GET /api/v1/customer/orders 200`).
const FIELDS_SHOWN_FIRST = new Set(['level', 'time', 'msg', 'err', 'durationMs', 'method', 'path', 'status']);

/**
 * A destination that turns each JSON line into a readable one: the time of day, the level, the message,
 * the duration, and then the other fields as `name=value`; an error's stack on the lines below.
 */
function prettyLines(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      out.write(`${prettyLine(entry)}\n`);
    },
  };
}

/** `09:12:03 INFO  GET /api/v1/customer/orders 200 1.4 ms requestId=… operation=listOrders customerId=1` */
export function prettyLine(entry: Record<string, unknown>): string {
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
  const level = String(entry.level ?? '').toUpperCase().padEnd(5);
  const parts = [time, level, String(entry.msg ?? '')];
  if (typeof entry.durationMs === 'number') parts.push(`${entry.durationMs} ms`);
  for (const [name, value] of Object.entries(entry)) {
    if (!FIELDS_SHOWN_FIRST.has(name) && value !== undefined) parts.push(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  const err = entry.err as { stack?: unknown } | undefined;
  return typeof err?.stack === 'string' ? `${parts.join(' ')}\n${err.stack}` : parts.join(' ');
}
