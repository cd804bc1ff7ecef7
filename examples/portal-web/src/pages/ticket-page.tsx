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
import styles from './ticket-page.module.css';

const route = getRouteApi('/tickets/$ticketId');

/** One ticket's conversation, oldest message first, and a box to reply. */
export function TicketPage() {
  const { ticketId } = route.useParams();
  const { data: ticket, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/tickets/{ticket_id}', {
    params: { path: { ticket_id: ticketId } },
  });

  return (
    <>
      <p>
        <Link to="/tickets">← All tickets</Link>
      </p>
      {!ticket && <h1>Ticket {ticketId}</h1>}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="the conversation" />}
      {ticket && (
        <>
          <h1>{ticket.subject}</h1>
          <p className={pageLayout.meta}>
            {ticket.id} · <StatusBadge status={ticket.status} /> · <StatusBadge status={ticket.priority} /> priority
            {ticket.order_id && (
              <>
                {' '}
                · about <Link to="/orders/$orderId" params={{ orderId: ticket.order_id }}>{ticket.order_id}</Link>
              </>
            )}
          </p>
          <ol className={styles.messages} aria-label="Messages">
            {ticket.messages.map((message) => (
              <li key={message.id} className={message.sender_type === 'agent' ? `${styles.message} ${styles.fromAgent}` : styles.message}>
                <p>
                  <strong>{message.sender_name}</strong> <time dateTime={message.timestamp}>{formatDateTime(message.timestamp)}</time>
                </p>
                <p>{message.content}</p>
              </li>
            ))}
          </ol>
          <ReplyForm ticketId={ticket.id} />
        </>
      )}
    </>
  );
}

function ReplyForm({ ticketId }: { ticketId: string }) {
  const queryClient = useQueryClient();
  // The conversation, the list (its "updated" time) and the dashboard's recent tickets all change.
  const reply = $api.useMutation('post', '/api/v1/customer/tickets/{ticket_id}/messages', {
    onSuccess: () =>
      invalidate(queryClient, '/api/v1/customer/tickets/{ticket_id}', '/api/v1/customer/tickets', '/api/v1/customer/dashboard'),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const content = String(new FormData(formElement).get('content'));
    reply.mutate(
      { params: { path: { ticket_id: ticketId } }, body: { content } },
      { onSuccess: () => formElement.reset() },
    );
  }

  const error = reply.error;
  const busy = reply.isPending;
  const content = fieldProblem(error, 'body.content', 'reply-content');
  return (
    <form aria-label="Reply" onSubmit={submit}>
      <label>
        Your reply
        <textarea name="content" required rows={3} maxLength={5000} {...content.invalidProps} />
        {content.message}
      </label>
      <ErrorAlert error={error} fields={['body.content']} />
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Send reply'}
      </button>
    </form>
  );
}
