import { orderStatusFilterValues, type OrderStatusFilter } from '@customer-portal/sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { $api, portal, withTotal } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ListFilters } from '../components/list-filters.tsx';
import { Loading } from '../components/loading.tsx';
import { orderColumns } from '../components/order-columns.tsx';
import { PAGE_SIZE, Pager } from '../components/pager.tsx';
import type { ListSearch } from '../router.tsx';

const route = getRouteApi('/orders');

/** All orders, filtered by status and searched by id as you type (the API does both). */
export function OrdersPage() {
  const { status: picked, search = '', page = 1 } = route.useSearch();
  const status: OrderStatusFilter = picked ?? 'all';
  const navigate = route.useNavigate();
  /** Another filter or search: back to the first page. */
  const filter = (change: ListSearch<OrderStatusFilter>, options: { replace?: boolean } = {}) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...change }), ...options });
  const query = { status, ...(search ? { search } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery({
    // openapi-react-query's key, so a write that invalidates this path refreshes the list too; the page's own
    // fetch, as the list needs its X-Total-Count header beside the body.
    queryKey: [...$api.queryOptions('get', '/api/v1/customer/orders', { params: { query } }).queryKey, 'with-total'],
    queryFn: ({ signal }) => withTotal(portal.GET('/api/v1/customer/orders', { params: { query }, signal })),
    // Another filter's answer replaces the rows when it comes; until then the old rows stay, dimmed.
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>Orders</h1>
      <ListFilters
        label="Filter orders"
        statuses={orderStatusFilterValues}
        status={status}
        onStatus={(next) => filter({ status: next === 'all' ? undefined : next })}
        searchLabel="Search by order ID"
        placeholder="ORD123"
        search={search}
        // Typing replaces the history entry: Back then leaves the search rather than taking off a letter.
        onSearch={(next) => filter({ search: next.trim() || undefined }, { replace: true })}
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="your orders" />}
      {data && (
        <DataTable
          caption={
            <>
              Your orders: <span role="status">{data.total === 1 ? '1 order' : `${data.total} orders`}</span>
            </>
          }
          rows={data.items}
          rowKey={(order) => order.id}
          columns={[
            {
              header: 'Order',
              rowHeader: true,
              cell: (order) => (
                <Link to="/orders/$orderId" params={{ orderId: order.id }} aria-label={`${order.id} details`}>
                  {order.id}
                </Link>
              ),
            },
            orderColumns.date,
            orderColumns.status,
            { header: 'Items', cell: (order) => order.items.map((item) => `${item.quantity} × ${item.product_name}`).join(', ') },
            orderColumns.total,
            {
              header: 'Delivery',
              cell: (order) => (
                <Link to="/orders/$orderId/tracking" params={{ orderId: order.id }} aria-label={`Track ${order.id}`}>
                  Track
                </Link>
              ),
            },
          ]}
          empty={search || status !== 'all' ? 'No orders match.' : 'No orders yet.'}
          busy={isPlaceholderData}
        />
      )}
      {data && <Pager list="/orders" page={page} total={data.total} label="Pages of orders" />}
    </>
  );
}
