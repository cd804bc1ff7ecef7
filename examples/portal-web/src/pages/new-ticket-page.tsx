import { NewTicketForm } from '../components/new-ticket-form.tsx';
import { flash } from '../flash.ts';
import { href } from '../router.ts';

/** Opens a support ticket, then shows its conversation. */
export function NewTicketPage() {
  return (
    <>
      <p>
        <a href={href.tickets}>← All tickets</a>
      </p>
      <h1>Ask for help</h1>
      <div className="narrow">
        <NewTicketForm onOpened={(ticket) => flash.showOn(href.ticket(ticket.id), `Ticket ${ticket.id} opened. We usually answer within a day.`)} />
      </div>
    </>
  );
}
