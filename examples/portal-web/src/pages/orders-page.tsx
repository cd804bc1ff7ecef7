import { orderStatusFilterValues, type OrderStatusFilter } from '@customer-portal/sdk';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { $api, portal, withTotal } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ListFilters } from '../components/list-filters.tsx';
import { Loading } from '../components/loading.tsx';
import { orderColumns } from '../components/order-columns.tsx';
import { href } from '../router.ts';

/** All orders, filtered by status and searched by id as you type (the API does both). */
export function OrdersPage() {
  const [status, setStatus] = useState<OrderStatusFilter>('all');
  const [search, setSearch] = useState('');
  const query = { status, ...(search.trim() ? { search: search.trim() } : {}) };
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
        onStatus={setStatus}
        searchLabel="Search by order ID"
        placeholder="ORD123"
        search={search}
        onSearch={setSearch}
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
                <a href={href.order(order.id)} aria-label={`${order.id} details`}>
                  {order.id}
                </a>
              ),
            },
            orderColumns.date,
            orderColumns.status,
            { header: 'Items', cell: (order) => order.items.map((item) => `${item.quantity} × ${item.product_name}`).join(', ') },
            orderColumns.total,
            {
              header: 'Delivery',
              cell: (order) => (
                <a href={href.tracking(order.id)} aria-label={`Track ${order.id}`}>
                  Track
                </a>
              ),
            },
          ]}
          empty={search || status !== 'all' ? 'No orders match.' : 'No orders yet.'}
          busy={isPlaceholderData}
        />
      )}
    </>
  );
}
