/** A logger whose entries a test reads: each JSON line the server writes, parsed. */
import { createLogger, type Logger } from '../../src/index.js';

export type LogEntry = Record<string, any>;

export function capturedLog(): { log: Logger; entries: LogEntry[]; lines: string[] } {
  const entries: LogEntry[] = [];
  const lines: string[] = [];
  const log = createLogger({
    format: 'json',
    destination: {
      write(line: string) {
        lines.push(line);
        entries.push(JSON.parse(line) as LogEntry);
      },
    },
  });
  return { log, entries, lines };
}
