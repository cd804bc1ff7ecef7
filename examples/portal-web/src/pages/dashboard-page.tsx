import type { DashboardStats } from '@customer-portal/sdk';
import { portal, unwrap } from '../api.ts';
import { EmptyRow } from '../components/empty-row.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatDate, formatMoney } from '../format.ts';
import { href } from '../router.ts';
import { useApi } from '../use-api.ts';

const statLabels: Record<keyof DashboardStats, string> = {
  open_tickets: 'Open tickets',
  active_orders: 'Active orders',
  pending_refunds: 'Pending refunds',
  resolved_tickets: 'Resolved tickets',
};

/** The overview: four figures, then the five newest orders and tickets. */
export function DashboardPage() {
  const { data, error } = useApi(() => unwrap(portal.GET('/api/v1/customer/dashboard')), []);
  return (
    <>
      <h1>Dashboard</h1>
      <ErrorAlert error={error} />
      {data && (
        <>
          <dl className="stats">
            {Object.entries(statLabels).map(([key, label]) => (
              <div key={key} className="stat">
                <dt>{label}</dt>
                <dd data-testid={`stat-${key}`}>{data.stats[key as keyof DashboardStats]}</dd>
              </div>
            ))}
          </dl>
          <div className="columns">
            <table>
              <caption>Recent orders</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Date</th>
                  <th scope="col">Status</th>
                  <th scope="col">Items</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {data.recent_orders.length === 0 && <EmptyRow columns={5}>No orders yet.</EmptyRow>}
                {data.recent_orders.map((order) => (
                  <tr key={order.id}>
                    <td>
                      <a href={href.tracking(order.id)}>{order.id}</a>
                    </td>
                    <td>{formatDate(order.created_at)}</td>
                    <td>
                      <StatusBadge status={order.status} />
                    </td>
                    <td>{order.item_count}</td>
                    <td className="number">{formatMoney(order.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>Recent tickets</caption>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Opened</th>
                </tr>
              </thead>
              <tbody>
                {data.recent_tickets.length === 0 && <EmptyRow columns={4}>No tickets yet.</EmptyRow>}
                {data.recent_tickets.map((ticket) => (
                  <tr key={ticket.id}>
                    <td>{ticket.id}</td>
                    <td>
                      <a href={href.ticket(ticket.id)}>{ticket.subject}</a>
                    </td>
                    <td>
                      <StatusBadge status={ticket.status} />
                    </td>
                    <td>{formatDate(ticket.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
