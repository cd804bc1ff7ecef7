/**
 * Colours only on a terminal. `NO_COLOR` (any value) turns them off, `FORCE_COLOR` on (`FORCE_COLOR=0` off);
 * otherwise they follow whether stdout is a terminal, whatever `CI` says: a CI log is a file.
 */
type Env = Record<string, string | undefined>;

/** Whether output may carry colour. */
function useColour(env: Env = process.env, stream: { isTTY?: boolean } = process.stdout): boolean {
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}

/**
 * Settles the choice in the environment before vitest is loaded, so that vitest's own output (its colour
 * library looks at `CI` and `FORCE_COLOR`'s presence only) agrees with ours.
 */
export function settleColour(env: Env = process.env, stream: { isTTY?: boolean } = process.stdout): void {
  if (useColour(env, stream)) {
    env['FORCE_COLOR'] = '1';
    delete env['NO_COLOR'];
  } else {
    delete env['FORCE_COLOR'];
    env['NO_COLOR'] = '1';
  }
}

export interface Colours {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const paint = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

/** The palette, or plain text when colour is off. */
export function colours(on = useColour()): Colours {
  if (!on) return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };
  return { red: paint(31, 39), green: paint(32, 39), yellow: paint(33, 39), dim: paint(2, 22), bold: paint(1, 22) };
}
