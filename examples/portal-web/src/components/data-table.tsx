import type { Key, ReactNode } from 'react';
import styles from './data-table.module.css';

/** One column of a {@link DataTable}: its header, and what each row shows under it. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** How the body cells read: `number` right-aligns money and counts. */
  className?: 'number';
  /** Renders the cell as `<th scope="row">`: it names the row for screen readers (and for the journey's `rowheader`s). */
  rowHeader?: boolean;
}

/**
 * A captioned table with `scope="col"` headers, one row per item, and a single explaining row when there is none
 * (e.g. in the `empty` mock scenario). Pages state only their columns.
 *
 * @example
 * <DataTable
 *   caption="Recent tickets"
 *   rows={tickets}
 *   rowKey={(ticket) => ticket.id}
 *   columns={[{ header: 'Subject', cell: (ticket) => ticket.subject }]}
 *   empty="No tickets yet."
 * />
 */
export function DataTable<Row>({
  caption,
  rows,
  rowKey,
  columns,
  empty,
  busy,
}: {
  caption: ReactNode;
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  columns: readonly Column<Row>[];
  empty: string;
  /** Dims the rows while a new filter's answer is on its way, instead of blanking the table. */
  busy?: boolean;
}) {
  return (
    // A wide table scrolls inside its own box on a phone instead of widening the page; the box takes focus
    // so a keyboard can scroll it too.
    <div className={styles.scroll} tabIndex={0}>
    <table className={styles.table} aria-busy={busy}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className={styles.empty}>
              {empty}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map(({ header, cell, className, rowHeader }) =>
              rowHeader ? (
                <th key={header} scope="row" className={className && styles[className]}>
                  {cell(row)}
                </th>
              ) : (
                <td key={header} className={className && styles[className]}>
                  {cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
