import type { DashboardStats } from '@customer-portal/sdk';
import { Link } from '@tanstack/react-router';
import { $api } from '../api.ts';
import { DataTable } from '../components/data-table.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { orderColumns } from '../components/order-columns.tsx';
import { ticketColumns } from '../components/ticket-columns.tsx';
import { formatDate } from '../format.ts';
import pageLayout from '../components/page-layout.module.css';
import styles from './dashboard-page.module.css';

const statLabels: Record<keyof DashboardStats, string> = {
  open_tickets: 'Open tickets',
  active_orders: 'Active orders',
  pending_refunds: 'Pending refunds',
  resolved_tickets: 'Resolved tickets',
};

/** The overview: four figures, then the five newest orders and tickets. */
export function DashboardPage() {
  const { data, error, isPending, refetch } = $api.useQuery('get', '/api/v1/customer/dashboard');
  return (
    <>
      <h1>Dashboard</h1>
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {isPending && <Loading what="your dashboard" />}
      {data && (
        <>
          <dl className={styles.stats}>
            {Object.entries(statLabels).map(([key, label]) => (
              <div key={key} className={styles.stat}>
                <dt>{label}</dt>
                <dd data-testid={`stat-${key}`}>{data.stats[key as keyof DashboardStats]}</dd>
              </div>
            ))}
          </dl>
          <div className={pageLayout.columns}>
            <DataTable
              caption="Recent orders"
              rows={data.recent_orders}
              rowKey={(order) => order.id}
              columns={[
                { header: 'Order', cell: (order) => <Link to="/orders/$orderId" params={{ orderId: order.id }}>{order.id}</Link> },
                orderColumns.date,
                orderColumns.status,
                { header: 'Items', cell: (order) => order.item_count },
                orderColumns.total,
              ]}
              empty="No orders yet."
            />
            <DataTable
              caption="Recent tickets"
              rows={data.recent_tickets}
              rowKey={(ticket) => ticket.id}
              columns={[
                ticketColumns.id,
                ticketColumns.subject,
                ticketColumns.status,
                { header: 'Opened', cell: (ticket) => formatDate(ticket.created_at) },
              ]}
              empty="No tickets yet."
            />
          </div>
        </>
      )}
    </>
  );
}
