import { Link, useNavigate } from '@tanstack/react-router';
import { NewTicketForm } from '../components/new-ticket-form.tsx';
import pageLayout from '../components/page-layout.module.css';

/** Opens a support ticket, then shows its conversation. */
export function NewTicketPage() {
  const navigate = useNavigate();
  return (
    <>
      <p>
        <Link to="/tickets">← All tickets</Link>
      </p>
      <h1>Ask for help</h1>
      <div className={pageLayout.narrow}>
        <NewTicketForm
          onOpened={(ticket) =>
            void navigate({
              to: '/tickets/$ticketId',
              params: { ticketId: ticket.id },
              state: { flash: `Ticket ${ticket.id} opened. We usually answer within a day.` },
            })
          }
        />
      </div>
    </>
  );
}
