import { $api } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatMoney } from '../format.ts';
import { whyNotReturnable } from '../returnable.ts';
import { href } from '../router.ts';

/** One order: its items and totals, where it is, and a return when it has been delivered. */
export function OrderPage({ orderId }: { orderId: string }) {
  const { data: order, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/orders/{order_id}', {
    params: { path: { order_id: orderId } },
  });
  const notReturnable = order && whyNotReturnable(order);
  return (
    <>
      <p>
        <a href={href.orders}>← All orders</a>
      </p>
      <h1>Order {orderId}</h1>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="the order" />}
      {order && (
        <>
          <dl className="details">
            <dt>Status</dt>
            <dd>
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
          <div className="actions">
            <a className="button secondary" href={href.tracking(order.id)}>
              Track delivery
            </a>
            {notReturnable ? (
              <p className="muted" data-testid="not-returnable">
                {notReturnable}
              </p>
            ) : (
              <a className="button" href={href.return(order.id)}>
                Return items
              </a>
            )}
          </div>
        </>
      )}
    </>
  );
}
