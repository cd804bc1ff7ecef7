import { invalidCredentials } from '../errors.js';
import type { OperationInput, TokenResponse } from '../types.js';
import { ok, type AnonymousContext, type OperationResult } from './context.js';

/** A wrong password and an unknown email give the same answer; a success, a device token where the host issues them. */
export async function login(
  { body }: OperationInput<'login'>,
  { store, auth }: AnonymousContext,
): Promise<OperationResult<TokenResponse>> {
  const credentials = await store.findCredentials(body.email.toLowerCase());
  const valid = await auth.verifyPassword(credentials?.passwordHash, body.password);
  if (!credentials || !valid) throw invalidCredentials();
  const token = await auth.issueToken(credentials.customerId);
  const deviceToken = await auth.issueDeviceToken?.(body.email.toLowerCase(), body.device_token);
  return ok({
    access_token: token.access_token,
    token_type: 'bearer',
    expires_in: token.expires_in,
    ...(deviceToken !== undefined && { device_token: deviceToken }),
  });
}
