import type { RecentTicket, TicketSummary } from '@customer-portal/sdk';
import { Link } from '@tanstack/react-router';
import type { Column } from './data-table.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The fields a listed ticket and a dashboard's recent ticket have in common. */
type AnyTicket = TicketSummary | RecentTicket;

/**
 * The ticket columns the tickets list and the dashboard both show; the subject links to the conversation.
 *
 * @example
 * const columns: Column<TicketSummary>[] = [ticketColumns.id, ticketColumns.subject, ticketColumns.status];
 */
export const ticketColumns = {
  id: { header: 'Ticket', cell: (ticket) => ticket.id },
  subject: { header: 'Subject', cell: (ticket) => <Link to="/tickets/$ticketId" params={{ ticketId: ticket.id }}>{ticket.subject}</Link> },
  status: { header: 'Status', cell: (ticket) => <StatusBadge status={ticket.status} /> },
} satisfies Record<string, Column<AnyTicket>>;
