import type { OrderStatus } from '@customer-portal/sdk';
import { useState } from 'react';
import { portal, unwrapPage } from '../api.ts';
import { EmptyRow } from '../components/empty-row.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatMoney, humanize } from '../format.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';

const statuses: OrderStatus[] = ['PENDING', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'];

/** All orders, filtered by status and searched by id as you type (the API does both). */
export function OrdersPage() {
  const [status, setStatus] = useState('all');
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
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="all">All</option>
            {statuses.map((value) => (
              <option key={value} value={value.toLowerCase()}>
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
        <table aria-busy={loading}>
          <caption>
            Your orders: <span role="status">{data.total === 1 ? '1 order' : `${data.total} orders`}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col">Items</th>
              <th scope="col">Total</th>
              <th scope="col">Delivery</th>
            </tr>
          </thead>
          <tbody>
            {data.items.length === 0 && <EmptyRow columns={6}>No orders match.</EmptyRow>}
            {data.items.map((order) => (
              <tr key={order.id}>
                <th scope="row">{order.id}</th>
                <td>{formatDate(order.created_at)}</td>
                <td>
                  <StatusBadge status={order.status} />
                </td>
                <td>{order.items.map((item) => `${item.quantity} × ${item.product_name}`).join(', ')}</td>
                <td className="number">{formatMoney(order.total)}</td>
                <td>
                  <a href={href.tracking(order.id)} aria-label={`Track ${order.id}`}>
                    Track
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
