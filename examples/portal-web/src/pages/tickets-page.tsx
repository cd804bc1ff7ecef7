import { ticketStatusFilterValues, type Ticket, type TicketStatusFilter } from '@customer-portal/sdk';
import { useState } from 'react';
import { portal, unwrapPage } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { NewTicketForm } from '../components/new-ticket-form.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { ticketColumns } from '../components/ticket-columns.tsx';
import { formatDateTime, humanize } from '../format.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';

const statuses = ticketStatusFilterValues.filter((value) => value !== 'all');

/** Support tickets, filtered by status and searched by subject or id, with a form to open a new one. */
export function TicketsPage() {
  const [status, setStatus] = useState<TicketStatusFilter>('all');
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState<Ticket>();
  const { data, error, loading, reload } = useApi(
    (signal) =>
      unwrapPage(
        portal.GET('/api/v1/customer/tickets', {
          params: { query: { status, ...(search.trim() ? { search: search.trim() } : {}) } },
          signal,
        }),
      ),
    [status, search],
  );

  function onOpened(ticket: Ticket) {
    setOpened(ticket);
    reload();
  }

  return (
    <>
      <h1>Support tickets</h1>
      {opened && (
        <p role="status" className="success">
          Ticket {opened.id} opened. <a href={href.ticket(opened.id)}>See the conversation</a>
        </p>
      )}
      <div className="columns">
        <section aria-labelledby="ticket-list-heading">
          <h2 id="ticket-list-heading">Your tickets</h2>
          <form className="filters" role="search" aria-label="Filter tickets" onSubmit={(event) => event.preventDefault()}>
            <label>
              Status
              <select value={status} onChange={(event) => setStatus(statuses.find((value) => value === event.target.value) ?? 'all')}>
                <option value="all">All</option>
                {statuses.map((value) => (
                  <option key={value} value={value}>
                    {humanize(value.replace('-', '_'))}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Search tickets
              <input type="search" value={search} placeholder="Subject or TKT456" onChange={(event) => setSearch(event.target.value)} />
            </label>
          </form>
          <ErrorAlert error={error} />
          {data && (
            <DataTable
              caption={<span role="status">{data.total === 1 ? '1 ticket' : `${data.total} tickets`}</span>}
              rows={data.items}
              rowKey={(ticket) => ticket.id}
              columns={[
                ticketColumns.id,
                ticketColumns.subject,
                ticketColumns.status,
                { header: 'Priority', cell: (ticket) => <StatusBadge status={ticket.priority} /> },
                { header: 'Updated', cell: (ticket) => formatDateTime(ticket.updated_at) },
              ]}
              empty="No tickets match."
              busy={loading}
            />
          )}
        </section>
        <NewTicketForm onOpened={onOpened} />
      </div>
    </>
  );
}

