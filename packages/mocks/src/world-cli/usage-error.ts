/** A command used wrongly: its message is one sentence and the usage follows it; the command exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
