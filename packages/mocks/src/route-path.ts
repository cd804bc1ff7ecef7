import { colonPath } from '@customer-portal/core';

/**
 * Where the handlers listen: an OpenAPI path template under the base URL, in msw's path syntax. An empty base
 * URL means any origin (`*`), so the same handlers serve the page's own origin, any dev-server port and a
 * made-up test host alike.
 *
 * @example
 * routePath('', '/api/v1/customer/orders/{order_id}'); // any origin, then /api/v1/customer/orders/:order_id
 * routePath('http://mock.portal.test/', '/auth/login'); // 'http://mock.portal.test/auth/login'
 */
export function routePath(baseUrl: string, template: string): string {
  const origin = baseUrl === '' ? '*' : baseUrl.replace(/\/+$/, '');
  return origin + colonPath(template);
}
