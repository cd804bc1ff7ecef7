import { getRouteApi, Link } from '@tanstack/react-router';
import { $api } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../format.ts';
import pageLayout from '../components/page-layout.module.css';
import styles from './order-tracking-page.module.css';

const route = getRouteApi('/orders/$orderId/tracking');

/** Where an order is: its five delivery steps, the current one marked, and the courier's details. */
export function OrderTrackingPage() {
  const { orderId } = route.useParams();
  const { data, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/orders/track/{order_id}', {
    params: { path: { order_id: orderId } },
  });
  return (
    <>
      <p>
        <Link to="/orders/$orderId" params={{ orderId }}>← Order {orderId}</Link>
      </p>
      <h1>Tracking {orderId}</h1>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="the tracking" />}
      {data && (
        <>
          <ol className={styles.steps} aria-label="Delivery steps">
            {data.steps.map((step) => (
              <li
                key={step.label}
                className={step.completed ? styles.done : styles.pending}
                aria-current={step.current ? 'step' : undefined}
                data-completed={step.completed}
              >
                {step.label}
                <span className="visually-hidden">{step.completed ? ' (done)' : ' (not yet)'}</span>
              </li>
            ))}
          </ol>
          <dl className={pageLayout.details}>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={data.status} />
            </dd>
            <dt>Courier</dt>
            <dd>{data.courier_name ?? 'Not shipped yet'}</dd>
            <dt>Courier contact</dt>
            <dd>{data.courier_contact ?? '—'}</dd>
            <dt>Current location</dt>
            <dd>{data.current_location ?? '—'}</dd>
            <dt>Tracking number</dt>
            <dd>{data.tracking_number ?? '—'}</dd>
            <dt>Estimated delivery</dt>
            <dd>{data.estimated_delivery ? formatDateTime(data.estimated_delivery) : '—'}</dd>
          </dl>
        </>
      )}
    </>
  );
}
