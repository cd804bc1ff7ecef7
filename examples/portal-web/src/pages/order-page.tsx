import { getRouteApi, Link } from '@tanstack/react-router';
import { $api } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatMoney } from '../format.ts';
import button from '../components/button.module.css';
import pageLayout from '../components/page-layout.module.css';

const route = getRouteApi('/orders/$orderId');

/**
 * One order: its items and totals, where it is, and a way to return items. Which orders can be returned is the
 * API's rule: the return page asks, and shows the API's answer if it refuses.
 */
export function OrderPage() {
  const { orderId } = route.useParams();
  const { data: order, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/orders/{order_id}', {
    params: { path: { order_id: orderId } },
  });
  return (
    <>
      <p>
        <Link to="/orders">← All orders</Link>
      </p>
      <h1>Order {orderId}</h1>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="the order" />}
      {order && (
        <>
          <dl className={pageLayout.details}>
            <dt>Status</dt>
            <dd data-testid="order-status">
              <StatusBadge status={order.status} />
            </dd>
            <dt>Ordered</dt>
            <dd>{formatDate(order.created_at)}</dd>
            <dt>Estimated delivery</dt>
            <dd>{formatDate(order.estimated_delivery)}</dd>
            <dt>Tracking number</dt>
            <dd>{order.tracking_number ?? 'Not shipped yet'}</dd>
            <dt>Total</dt>
            <dd>{formatMoney(order.total)}</dd>
          </dl>
          <DataTable
            caption="Items"
            rows={order.items}
            rowKey={(item) => item.id}
            columns={[
              { header: 'Product', rowHeader: true, cell: (item) => item.product_name },
              { header: 'Quantity', className: 'number', cell: (item) => item.quantity },
              { header: 'Price', className: 'number', cell: (item) => formatMoney(item.price) },
              { header: 'Subtotal', className: 'number', cell: (item) => formatMoney(item.subtotal) },
            ]}
            empty="This order has no items."
          />
          <div className={pageLayout.actions}>
            <Link className={`${button.button} ${button.secondary}`} to="/orders/$orderId/tracking" params={{ orderId: order.id }}>
              Track delivery
            </Link>
            <Link className={button.button} to="/orders/$orderId/return" params={{ orderId: order.id }}>
              Return items
            </Link>
          </div>
        </>
      )}
    </>
  );
}
