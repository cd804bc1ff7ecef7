/**
 * The TanStack Query recipe: openapi-react-query over the portal client, against the mocks in Node. Query keys,
 * answers and errors are typed from the contract; the mocks keep state, so a write shows after invalidation.
 */
import { setupPortalServer } from '@customer-portal/mocks/node';
import { createPortalClient, type Problem } from '@customer-portal/sdk';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';

const server = setupPortalServer({ baseUrl: 'http://mock.portal.test' });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState());
afterAll(() => server.close());

async function signedInQueries() {
  const portal = createPortalClient({ baseUrl: 'http://mock.portal.test' });
  await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
  // In a component: const { data } = $api.useQuery('get', '/api/v1/customer/dashboard');
  const $api = createQueryHooks(portal);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { portal, $api, queryClient };
}

describe('openapi-react-query over the portal client', () => {
  it('fetches typed data through a query', async () => {
    const { $api, queryClient } = await signedInQueries();
    const dashboard = await queryClient.fetchQuery($api.queryOptions('get', '/api/v1/customer/dashboard'));
    expectTypeOf(dashboard.stats.open_tickets).toEqualTypeOf<number>();
    expect(dashboard.stats.open_tickets).toBe(2);
  });

  it('keys a query by path and parameters, so another filter is another cache entry', async () => {
    const { $api, queryClient } = await signedInQueries();
    const delivered = $api.queryOptions('get', '/api/v1/customer/orders', { params: { query: { status: 'delivered' } } });
    const shipped = $api.queryOptions('get', '/api/v1/customer/orders', { params: { query: { status: 'shipped' } } });
    expect(delivered.queryKey).not.toEqual(shipped.queryKey);
    expect((await queryClient.fetchQuery(delivered)).map((o) => o.status)).toEqual(Array(7).fill('DELIVERED'));
    expect((await queryClient.fetchQuery(shipped)).map((o) => o.id)).toEqual(['ORD123']);
  });

  it("rejects with the API's problem, which a page shows by its detail", async () => {
    const { $api, queryClient } = await signedInQueries();
    server.fault({ operation: 'getOrder', status: 404 });
    const pending = queryClient.fetchQuery($api.queryOptions('get', '/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD123' } } }));
    await expect(pending).rejects.toMatchObject({ status: 404, detail: 'Order ORD999 was not found.' } satisfies Partial<Problem>);
  });

  it('shows a write after the query is invalidated: the mocks keep state', async () => {
    const { portal, $api, queryClient } = await signedInQueries();
    const tickets = $api.queryOptions('get', '/api/v1/customer/tickets');
    expect(await queryClient.fetchQuery(tickets)).toHaveLength(5);
    await portal.POST('/api/v1/customer/tickets', { body: { subject: 'Late parcel', description: 'ORD123 is late.' } });
    await queryClient.invalidateQueries({ queryKey: tickets.queryKey });
    expect((await queryClient.fetchQuery(tickets))[0]?.subject).toBe('Late parcel');
  });

  it('renders useQuery from the cache a prefetch filled, under the same key (server-side rendering)', async () => {
    const { $api, queryClient } = await signedInQueries();
    await queryClient.prefetchQuery($api.queryOptions('get', '/api/v1/customer/dashboard'));
    function OpenTickets() {
      const { data } = $api.useQuery('get', '/api/v1/customer/dashboard');
      expectTypeOf(data?.stats.open_tickets).toEqualTypeOf<number | undefined>();
      return createElement('p', null, `Open tickets: ${data?.stats.open_tickets ?? '…'}`);
    }
    const html = renderToString(createElement(QueryClientProvider, { client: queryClient }, createElement(OpenTickets)));
    expect(html).toBe('<p>Open tickets: 2</p>');
  });
});
