import { invalidCredentials } from '../errors.js';
import type { PortalStore } from '../store.js';
import type { OperationInput, TokenResponse } from '../types.js';
import { ok, type OperationResult } from './context.js';

/** How a host proves who a customer is: its own password hashing and its own tokens. */
export interface HostAuth {
  /**
   * Compares a password with the stored hash. Called with `undefined` for an unknown email, when it must
   * take as long as a real comparison and return false, so that timing does not reveal which accounts exist.
   */
  verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean>;
  issueToken(customerId: number): Promise<{ access_token: string; expires_in: number }>;
  /** The customer id a bearer token names, or undefined when the token is not valid. */
  verifyToken(token: string): Promise<number | undefined>;
}

/** A wrong password and an unknown email give the same answer. */
export async function login(
  { body }: OperationInput<'login'>,
  { store, auth }: { store: PortalStore; auth: HostAuth },
): Promise<OperationResult<TokenResponse>> {
  const credentials = await store.findCredentials(body.email.toLowerCase());
  const valid = await auth.verifyPassword(credentials?.passwordHash, body.password);
  if (!credentials || !valid) throw invalidCredentials();
  const token = await auth.issueToken(credentials.customerId);
  return ok({ access_token: token.access_token, token_type: 'bearer', expires_in: token.expires_in });
}
