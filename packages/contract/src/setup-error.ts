/**
 * A run that could not start for a reason the user can fix (an unreachable URL, refused credentials, a peer
 * not installed, an unknown option): the CLI prints its message, one or two sentences, and exits 2.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}
