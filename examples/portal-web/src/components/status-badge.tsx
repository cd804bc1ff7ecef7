import { humanize } from '../format.ts';
import styles from './status-badge.module.css';

/** The colour of each status that has one: under way, done well, or stopped and needing attention. */
const colours: Record<string, string | undefined> = {
  SHIPPED: styles.blue,
  OPEN: styles.blue,
  PROCESSING: styles.blue,
  IN_PROGRESS: styles.blue,
  DELIVERED: styles.green,
  RESOLVED: styles.green,
  CANCELLED: styles.red,
  RETURNED: styles.red,
  HIGH: styles.red,
  URGENT: styles.red,
};

/** An order, ticket or priority status as a coloured label, e.g. `SHIPPED` → "Shipped". */
export function StatusBadge({ status }: { status: string }) {
  return <span className={[styles.badge, colours[status]].filter(Boolean).join(' ')}>{humanize(status)}</span>;
}
