import type { Ticket, TicketPriority } from '@customer-portal/sdk';
import { useState, type FormEvent } from 'react';
import { portal, unwrap } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { humanize } from '../format.ts';

const priorities: TicketPriority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];

/** Opens a ticket; the API checks the fields and the order, and its problem `detail` says what is wrong. */
export function NewTicketForm({ onOpened }: { onOpened: (ticket: Ticket) => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const orderId = String(form.get('order_id')).trim();
    setBusy(true);
    setError(undefined);
    try {
      const ticket = await unwrap(
        portal.POST('/api/v1/customer/tickets', {
          body: {
            subject: String(form.get('subject')),
            description: String(form.get('description')),
            priority: String(form.get('priority')) as TicketPriority,
            ...(orderId ? { order_id: orderId } : {}),
          },
        }),
      );
      formElement.reset();
      onOpened(ticket);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" aria-labelledby="new-ticket-heading" onSubmit={submit}>
      <h2 id="new-ticket-heading">New ticket</h2>
      <label>
        Subject
        <input name="subject" required maxLength={200} />
      </label>
      <label>
        Description
        <textarea name="description" required rows={4} maxLength={5000} />
      </label>
      <label>
        Order ID (optional)
        <input name="order_id" placeholder="ORD123" />
      </label>
      <label>
        Priority
        <select name="priority" defaultValue="MEDIUM">
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {humanize(priority)}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Opening…' : 'Open ticket'}
      </button>
    </form>
  );
}
