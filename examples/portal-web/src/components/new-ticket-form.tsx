import type { Ticket, TicketPriority } from '@customer-portal/sdk';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { $api, invalidate } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { fieldProblem } from '../components/field-error.tsx';
import { humanize } from '../format.ts';
import pageLayout from '../components/page-layout.module.css';

const priorities: TicketPriority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
const fields = ['body.subject', 'body.description', 'body.order_id', 'body.priority'];

/** Opens a ticket; the API checks the fields and the order, and each field's problem shows beside it. */
export function NewTicketForm({ onOpened }: { onOpened: (ticket: Ticket) => void }) {
  const queryClient = useQueryClient();
  // A new ticket counts in the list, on the dashboard and in the profile's total.
  const open = $api.useMutation('post', '/api/v1/customer/tickets', {
    onSuccess: (ticket) => {
      void invalidate(queryClient, '/api/v1/customer/tickets', '/api/v1/customer/dashboard', '/api/v1/customer/profile');
      onOpened(ticket);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const orderId = String(form.get('order_id')).trim();
    open.mutate({
      body: {
        subject: String(form.get('subject')),
        description: String(form.get('description')),
        priority: String(form.get('priority')) as TicketPriority,
        ...(orderId ? { order_id: orderId } : {}),
      },
    });
  }

  const error = open.error;
  const busy = open.isPending;

  const subject = fieldProblem(error, 'body.subject', 'ticket-subject');
  const description = fieldProblem(error, 'body.description', 'ticket-description');
  const orderId = fieldProblem(error, 'body.order_id', 'ticket-order');
  const priority = fieldProblem(error, 'body.priority', 'ticket-priority');
  return (
    <form className={pageLayout.card} aria-labelledby="new-ticket-heading" onSubmit={submit}>
      <h2 id="new-ticket-heading">New ticket</h2>
      <label>
        Subject
        <input name="subject" required maxLength={200} {...subject.invalidProps} />
        {subject.message}
      </label>
      <label>
        Description
        <textarea name="description" required rows={4} maxLength={5000} {...description.invalidProps} />
        {description.message}
      </label>
      <label>
        Order ID (optional)
        <input name="order_id" placeholder="ORD123" {...orderId.invalidProps} />
        {orderId.message}
      </label>
      <label>
        Priority
        <select name="priority" defaultValue="MEDIUM" {...priority.invalidProps}>
          {priorities.map((value) => (
            <option key={value} value={value}>
              {humanize(value)}
            </option>
          ))}
        </select>
        {priority.message}
      </label>
      <ErrorAlert error={error} fields={fields} />
      <button type="submit" disabled={busy}>
        {busy ? 'Opening…' : 'Open ticket'}
      </button>
    </form>
  );
}
