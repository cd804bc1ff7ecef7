import { humanize } from '../format.ts';

/** An order, ticket or priority status as a coloured label, e.g. `SHIPPED` → "Shipped". */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase().replaceAll('_', '-')}`}>{humanize(status)}</span>;
}
