import type { Order, Return } from '@customer-portal/sdk';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { $api, invalidate } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldProblem } from '../components/field-error.tsx';
import { Loading } from '../components/loading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../format.ts';
import pageLayout from '../components/page-layout.module.css';

const returnReasons = ['Product is defective', 'Arrived damaged', 'Wrong item was sent', 'Wrong size', 'No longer needed'];

const route = getRouteApi('/orders/$orderId/return');

/**
 * Returns and refunds: choose items and a reason; the request then counts as a pending refund. The API says
 * which orders can be returned (only delivered ones, once per item) and, when it refuses, why, in its words.
 */
export function ReturnPage() {
  const { orderId } = route.useParams();
  const { data: order, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/orders/{order_id}', {
    params: { path: { order_id: orderId } },
  });
  const request = useReturnRequest();
  const requested = request.data;
  return (
    <>
      <p>
        <Link to="/orders/$orderId" params={{ orderId }}>← Order {orderId}</Link>
      </p>
      <h1>Return items of {orderId}</h1>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="the order" />}
      {requested ? (
        <RequestedReturn request={requested} />
      ) : (
        order && <ReturnForm order={order} request={request} />
      )}
    </>
  );
}

// The order is not a field of the form: the API's word on it (not delivered yet, say) shows in the alert.
const fields = ['body.items', 'body.reason', 'body.description'];

function useReturnRequest() {
  const queryClient = useQueryClient();
  // The request counts among the dashboard's pending refunds.
  return $api.useMutation('post', '/api/v1/customer/orders/return', {
    onSuccess: () => invalidate(queryClient, '/api/v1/customer/dashboard'),
  });
}

type ReturnRequest = ReturnType<typeof useReturnRequest>;

function ReturnForm({ order, request }: { order: Order; request: ReturnRequest }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const description = String(form.get('description') ?? '').trim();
    // No check here that an item is chosen: the API says so, beside the list, in its own words.
    request.mutate({
      body: {
        order_id: order.id,
        items: form.getAll('items').map(String),
        reason: String(form.get('reason')),
        ...(description ? { description } : {}),
      },
    });
  }

  const error = request.error;
  const busy = request.isPending;

  const items = fieldProblem(error, 'body.items', 'return-items');
  const reason = fieldProblem(error, 'body.reason', 'return-reason');
  const description = fieldProblem(error, 'body.description', 'return-description');
  return (
    <form className={`${pageLayout.card} ${pageLayout.narrow}`} aria-label="Return request" onSubmit={submit}>
      <fieldset {...items.invalidProps}>
        <legend>Items to return</legend>
        {order.items.map((item) => (
          <label key={item.id} className={pageLayout.inline}>
            <input type="checkbox" name="items" value={item.product_name} /> {item.product_name}
          </label>
        ))}
        {items.message}
      </fieldset>
      <label>
        Reason
        <select name="reason" defaultValue={returnReasons[0]} {...reason.invalidProps}>
          {returnReasons.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
        {reason.message}
      </label>
      <label>
        What happened (optional)
        <textarea name="description" rows={3} maxLength={2000} {...description.invalidProps} />
        {description.message}
      </label>
      <ErrorAlert error={error} fields={fields} />
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Request return'}
      </button>
    </form>
  );
}

function RequestedReturn({ request }: { request: Return }) {
  return (
    <section className={`${pageLayout.card} ${pageLayout.narrow}`} aria-labelledby="requested-heading">
      <h2 id="requested-heading">Return {request.id} requested</h2>
      <p role="status" className={pageLayout.success}>
        Your return request has been sent.
      </p>
      <dl className={pageLayout.details}>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={request.status} />
        </dd>
        <dt>Items</dt>
        <dd>{request.items.join(', ')}</dd>
        <dt>Reason</dt>
        <dd>{request.reason}</dd>
        {request.description && (
          <>
            <dt>Details</dt>
            <dd>{request.description}</dd>
          </>
        )}
        <dt>Requested</dt>
        <dd>{formatDateTime(request.created_at)}</dd>
      </dl>
      <p>
        We will refund you once the items are back. The request counts among the pending refunds on your{' '}
        <Link to="/">dashboard</Link>.
      </p>
    </section>
  );
}
