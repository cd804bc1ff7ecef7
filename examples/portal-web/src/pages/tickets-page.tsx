import { ticketStatusFilterValues, type TicketStatusFilter } from '@customer-portal/sdk';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { $api, portal, withTotal } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ListFilters } from '../components/list-filters.tsx';
import { Loading } from '../components/loading.tsx';
import { PAGE_SIZE, Pager } from '../components/pager.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { ticketColumns } from '../components/ticket-columns.tsx';
import { formatDateTime } from '../format.ts';
import type { ListSearch } from '../router.tsx';
import button from '../components/button.module.css';
import pageLayout from '../components/page-layout.module.css';

const route = getRouteApi('/tickets');

/** Support tickets, filtered by status and searched by subject or id, with a way to open a new one. */
export function TicketsPage() {
  const { status: picked, search = '', page = 1 } = route.useSearch();
  const status: TicketStatusFilter = picked ?? 'all';
  const navigate = route.useNavigate();
  /** Another filter or search: back to the first page. */
  const filter = (change: ListSearch<TicketStatusFilter>, options: { replace?: boolean } = {}) =>
    void navigate({ search: (previous) => ({ ...previous, page: undefined, ...change }), ...options });
  const query = { status, ...(search ? { search } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
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
      <div className={pageLayout.heading}>
        <h1>Support tickets</h1>
        <Link className={button.button} to="/tickets/new">
          New ticket
        </Link>
      </div>
      <ListFilters
        label="Filter tickets"
        statuses={ticketStatusFilterValues}
        status={status}
        onStatus={(next) => filter({ status: next === 'all' ? undefined : next })}
        searchLabel="Search tickets"
        placeholder="Subject or TKT456"
        search={search}
        // Typing replaces the history entry: Back then leaves the search rather than taking off a letter.
        onSearch={(next) => filter({ search: next.trim() || undefined }, { replace: true })}
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
      {data && <Pager list="/tickets" page={page} total={data.total} label="Pages of tickets" />}
    </>
  );
}
