import type { TicketMessage } from '@customer-portal/sdk';
import { useState, type FormEvent } from 'react';
import { portal, unwrap } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldProblem } from '../components/field-error.tsx';
import { Loading } from '../components/loading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';

/** One ticket's conversation, oldest message first, and a box to reply. */
export function TicketPage({ ticketId }: { ticketId: string }) {
  const { data: ticket, error, loading, reload } = useApi(
    () => unwrap(portal.GET('/api/v1/customer/tickets/{ticket_id}', { params: { path: { ticket_id: ticketId } } })),
    [ticketId],
  );
  // Replies sent from this page, shown under the loaded conversation without loading it again.
  const [sent, setSent] = useState<TicketMessage[]>([]);

  return (
    <>
      <p>
        <a href={href.tickets}>← All tickets</a>
      </p>
      {!ticket && <h1>Ticket {ticketId}</h1>}
      <ErrorAlert error={error} onRetry={reload} />
      {!ticket && loading && <Loading what="the conversation" />}
      {ticket && (
        <>
          <h1>{ticket.subject}</h1>
          <p className="meta">
            {ticket.id} · <StatusBadge status={ticket.status} /> · <StatusBadge status={ticket.priority} /> priority
            {ticket.order_id && (
              <>
                {' '}
                · about <a href={href.order(ticket.order_id)}>{ticket.order_id}</a>
              </>
            )}
          </p>
          <ol className="messages" aria-label="Messages">
            {[...ticket.messages, ...sent].map((message) => (
              <li key={message.id} className={`message from-${message.sender_type ?? 'customer'}`}>
                <p className="sender">
                  <strong>{message.sender_name}</strong> <time dateTime={message.timestamp}>{formatDateTime(message.timestamp)}</time>
                </p>
                <p className="content">{message.content}</p>
              </li>
            ))}
          </ol>
          <ReplyForm ticketId={ticket.id} onSent={(message) => setSent((messages) => [...messages, message])} />
        </>
      )}
    </>
  );
}

function ReplyForm({ ticketId, onSent }: { ticketId: string; onSent: (message: TicketMessage) => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const content = String(new FormData(formElement).get('content'));
    setBusy(true);
    setError(undefined);
    try {
      const message = await unwrap(
        portal.POST('/api/v1/customer/tickets/{ticket_id}/messages', {
          params: { path: { ticket_id: ticketId } },
          body: { content },
        }),
      );
      formElement.reset();
      onSent(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const content = fieldProblem(error, 'body.content', 'reply-content');
  return (
    <form className="reply" aria-label="Reply" onSubmit={submit}>
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
