import { orderStatusFilterValues, type OrderStatusFilter } from '@customer-portal/sdk';
import { useState } from 'react';
import { portal, unwrapPage } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { orderColumns } from '../components/order-columns.tsx';
import { humanize } from '../format.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';

const statuses = orderStatusFilterValues.filter((value) => value !== 'all');

/** All orders, filtered by status and searched by id as you type (the API does both). */
export function OrdersPage() {
  const [status, setStatus] = useState<OrderStatusFilter>('all');
  const [search, setSearch] = useState('');
  const { data, error, loading } = useApi(
    (signal) =>
      unwrapPage(
        portal.GET('/api/v1/customer/orders', {
          params: { query: { status, ...(search.trim() ? { search: search.trim() } : {}) } },
          signal,
        }),
      ),
    [status, search],
  );

  return (
    <>
      <h1>Orders</h1>
      <form className="filters" role="search" aria-label="Filter orders" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(statuses.find((value) => value === event.target.value) ?? 'all')}>
            <option value="all">All</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {humanize(value)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search by order ID
          <input type="search" value={search} placeholder="ORD123" onChange={(event) => setSearch(event.target.value)} />
        </label>
      </form>
      <ErrorAlert error={error} />
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
            { header: 'Order', rowHeader: true, cell: (order) => order.id },
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
          empty="No orders match."
          busy={loading}
        />
      )}
    </>
  );
}
