import { ticketStatusFilterValues, type TicketStatusFilter } from '@customer-portal/sdk';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { $api, portal, withTotal } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ListFilters } from '../components/list-filters.tsx';
import { Loading } from '../components/loading.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { ticketColumns } from '../components/ticket-columns.tsx';
import { formatDateTime } from '../format.ts';
import { href } from '../router.ts';

/** Support tickets, filtered by status and searched by subject or id, with a way to open a new one. */
export function TicketsPage() {
  const [status, setStatus] = useState<TicketStatusFilter>('all');
  const [search, setSearch] = useState('');
  const query = { status, ...(search.trim() ? { search: search.trim() } : {}) };
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery({
    // openapi-react-query's key, so a write that invalidates this path refreshes the list too; the page's own
    // fetch, as the list needs its X-Total-Count header beside the body.
    queryKey: [...$api.queryOptions('get', '/api/v1/customer/tickets', { params: { query } }).queryKey, 'with-total'],
    queryFn: ({ signal }) => withTotal(portal.GET('/api/v1/customer/tickets', { params: { query }, signal })),
    // Another filter's answer replaces the rows when it comes; until then the old rows stay, dimmed.
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="page-heading">
        <h1>Support tickets</h1>
        <a className="button" href={href.newTicket}>
          New ticket
        </a>
      </div>
      <ListFilters
        label="Filter tickets"
        statuses={ticketStatusFilterValues}
        status={status}
        onStatus={setStatus}
        searchLabel="Search tickets"
        placeholder="Subject or TKT456"
        search={search}
        onSearch={setSearch}
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="your tickets" />}
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
          empty={search || status !== 'all' ? 'No tickets match.' : 'No tickets yet. Open one if you need help.'}
          busy={isPlaceholderData}
        />
      )}
    </>
  );
}
