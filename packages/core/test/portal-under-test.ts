/** A portal over a fresh in-memory sample world, with tokens that are simply `token-<customerId>`. */
import { createContractValidator, createMemoryStore, createPortal, type HostAuth, type PortalRequest, type PortalResponse } from '../src/index.js';

export const testAuth: HostAuth = {
  async verifyPassword(hash, password) {
    return hash !== undefined && hash === password;
  },
  async issueToken(customerId) {
    return { access_token: `token-${customerId}`, expires_in: 3600 };
  },
  async verifyToken(token) {
    const match = /^token-(\d+)$/.exec(token);
    return match ? Number(match[1]) : undefined;
  },
};

// Compiled once for the whole file: compiling the contract is the slow part of a portal.
const validator = createContractValidator();

const ALI = 'Bearer token-1';
export const SARA = 'Bearer token-2';

export function portalUnderTest(options: { now?: () => string } = {}) {
  const store = createMemoryStore();
  const violations: unknown[] = [];
  const portal = createPortal({
    store,
    auth: testAuth,
    validator,
    ...(options.now ? { now: options.now } : {}),
    onContractViolation: (v) => violations.push(v),
  });
  async function call(
    operationId: PortalRequest['operationId'],
    request: Partial<Omit<PortalRequest, 'operationId'>> = {},
  ): Promise<PortalResponse & { body: any }> {
    return portal.handle({ operationId, path: {}, query: {}, body: undefined, authorization: ALI, ...request });
  }
  return { store, portal, call, violations };
}
