/** The reference server's way of proving who a customer is: scrypt password hashes and HS256 JWTs. */
import type { HostAuth } from '@customer-portal/core';
import type { DeviceTokens } from './device-tokens.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password.js';
import type { TokenService } from './tokens.js';

/**
 * core's HostAuth for the server. An unknown email is checked against a dummy hash, so that it costs the
 * same scrypt run as a wrong password and response times do not reveal which accounts exist. With device
 * tokens, each sign-in answers a new one (OWASP: a new device cookie on each success).
 *
 * @example
 * const auth = createServerAuth(createTokenService(secret), createDeviceTokens(secret));
 * const portal = createPortal({ store, auth });
 */
export function createServerAuth(tokens: TokenService, devices?: DeviceTokens): HostAuth {
  return {
    ...(devices && { issueDeviceToken: async (account: string) => devices.issue(account) }),
    async verifyPassword(passwordHash, password) {
      const matches = await verifyPassword(passwordHash ?? DUMMY_PASSWORD_HASH, password);
      return passwordHash !== undefined && matches;
    },
    async issueToken(customerId) {
      return tokens.issue(customerId);
    },
    async verifyToken(token) {
      return tokens.verify(token);
    },
  };
}
