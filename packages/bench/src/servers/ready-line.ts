/**
 * How a server child tells the benchmark it is listening: one line on stdout. A line, not IPC, so that the
 * child is a plain `node file.js` process like any production server.
 */
export const READY_PREFIX = 'bench-server-ready ';

/** Prints the ready line for `url`. */
export function announceReady(url: string): void {
  process.stdout.write(`${READY_PREFIX}${url}\n`);
}

/** The URL in a ready line, or undefined for any other line. */
export function parseReadyLine(line: string): string | undefined {
  return line.startsWith(READY_PREFIX) ? line.slice(READY_PREFIX.length).trim() : undefined;
}
