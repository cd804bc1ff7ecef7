/**
 * A small app on the SDK, bundled by the SDK size section (never run). Its twin, app-with-openapi-fetch.ts,
 * does the same with openapi-fetch alone: the difference of their bundles is what the SDK costs a user.
 * The credentials are written out: importing core's SAMPLE_ACCOUNTS would put core in the bundle weighed.
 */
import { createPortalClient } from '@customer-portal/sdk';

export async function main(show: (text: string) => void): Promise<void> {
  const portal = createPortalClient({ baseUrl: '' });
  await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
  const { data: orders } = await portal.GET('/api/v1/customer/orders', { params: { query: { status: 'shipped' } } });
  const { data: dashboard } = await portal.GET('/api/v1/customer/dashboard');
  show(`${orders?.length ?? 0} shipped orders, ${dashboard?.stats.open_tickets ?? 0} open tickets`);
}
