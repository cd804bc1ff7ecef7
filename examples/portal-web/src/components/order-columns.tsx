import type { Order, RecentOrder } from '@customer-portal/sdk';
import { formatDate, formatMoney } from '../format.ts';
import type { Column } from './data-table.tsx';
import { StatusBadge } from './status-badge.tsx';

/** The fields a full order and a dashboard's recent order have in common. */
type AnyOrder = Order | RecentOrder;

/**
 * The order columns the orders list and the dashboard both show, so they read the same in both places.
 *
 * @example
 * const columns: Column<Order>[] = [orderColumns.date, orderColumns.status, orderColumns.total];
 */
export const orderColumns = {
  date: { header: 'Date', cell: (order) => formatDate(order.created_at) },
  status: { header: 'Status', cell: (order) => <StatusBadge status={order.status} /> },
  total: { header: 'Total', className: 'number', cell: (order) => formatMoney(order.total) },
} satisfies Record<string, Column<AnyOrder>>;
