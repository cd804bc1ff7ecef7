/**
 * Whether a request's path is an operation's path exactly, as the reference server matches it: case-sensitive
 * and with no trailing-slash alias (issue 16). msw's own matching allows both, so the handlers check this too.
 *
 * @example
 * matchesExactly('http://mock.portal.test', new URL('http://mock.portal.test/api/v1/customer/orders/'), '/api/v1/customer/orders'); // false
 */
export function matchesExactly(baseUrl: string, url: URL, template: string): boolean {
  const prefix = baseUrl === '' ? '' : new URL(baseUrl).pathname.replace(/\/+$/, '');
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${pattern}$`).test(url.pathname);
}
