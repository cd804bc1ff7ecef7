/** The error of a case that could not run because a cause outside it failed first (sign-in). */
export class SignInBlockedError extends Error {
  constructor(readonly reason: string) {
    super(`blocked: ${reason}`);
    this.name = 'SignInBlockedError';
  }
}

/** Whether a (possibly serialised) error is a SignInBlockedError. */
export function isBlocked(error: { name?: string } | undefined): boolean {
  return error?.name === 'SignInBlockedError';
}

/** The cause a blocked case's message names, without its `blocked: ` prefix. */
export function blockedCause(message: string): string {
  return message.replace(/^blocked: /, '');
}
