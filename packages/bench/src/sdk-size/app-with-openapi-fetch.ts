/**
 * The same app as app-with-sdk.ts, written with openapi-fetch alone and the generated types (which weigh
 * nothing once compiled): it keeps the token and sends it itself.
 * The credentials are written out: importing core's SAMPLE_ACCOUNTS would put core in the bundle weighed.
 */
import type { paths } from '@customer-portal/sdk';
import createClient from 'openapi-fetch';

export async function main(show: (text: string) => void): Promise<void> {
  const kept = { token: '' };
  const client = createClient<paths>({ baseUrl: '' });
  client.use({
    onRequest({ request }) {
      if (kept.token) request.headers.set('Authorization', `Bearer ${kept.token}`);
      return request;
    },
  });
  const { data: session } = await client.POST('/auth/login', { body: { email: 'ali.jawad@example.com', password: 'customer123' } });
  kept.token = session?.access_token ?? '';
  const { data: orders } = await client.GET('/api/v1/customer/orders', { params: { query: { status: 'shipped' } } });
  const { data: dashboard } = await client.GET('/api/v1/customer/dashboard');
  show(`${orders?.length ?? 0} shipped orders, ${dashboard?.stats.open_tickets ?? 0} open tickets`);
}
