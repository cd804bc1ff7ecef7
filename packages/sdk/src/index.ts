/**
 * The typed client SDK of the Customer Portal API, generated from openapi.yaml, for browsers and Node.
 *
 * @example
 * import { createPortalClient } from '@customer-portal/sdk';
 * const portal = createPortalClient({ baseUrl: 'http://localhost:3000' });
 * await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
 * const { data: dashboard } = await portal.GET('/api/v1/customer/dashboard');
 */
export { createPortalClient, totalCount, type PortalClient, type PortalClientOptions } from './client.js';
export { PortalApiError, toPortalApiError, unwrap } from './problems.js';
export type { components, operations, paths } from './generated/openapi.js';
export type * from './types.js';
