import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for filling a database, or nothing when stderr is not a terminal (tests, CI logs).
 *
 * @example
 * const bar = ordersProgressBar('orders', 1_000_000);
 * generateData(db, plan, (done) => bar.update(done));
 * bar.stop();
 */
export function ordersProgressBar(label: string, total: number): { update(done: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% · {value}/{total} orders · {duration}s`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
