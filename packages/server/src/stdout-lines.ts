/**
 * The server's default log: lines to stdout, written together once per turn of the event loop. Node writes
 * to a file or a pipe synchronously, one system call per write, so one access-log line per request was one
 * write(2) per request; under load, one write now carries every line of a turn. Lines still pending when the
 * process exits are written then.
 */
let pending: string[] = [];

function flush(): void {
  if (pending.length === 0) return;
  const text = `${pending.join('\n')}\n`;
  pending = [];
  process.stdout.write(text);
}

let flushesOnExit = false;

/**
 * @example
 * const log = config.log; // stdoutLine unless the caller gave its own
 * stdoutLine('GET /api/v1/customer/orders 200 1.2ms');
 */
export function stdoutLine(line: string): void {
  if (!flushesOnExit) {
    process.once('exit', flush);
    flushesOnExit = true;
  }
  if (pending.push(line) === 1) setImmediate(flush);
}
