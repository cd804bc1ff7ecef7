import { Link } from '@tanstack/react-router';
import styles from './pager.module.css';

/** How many items a list's page shows. */
export const PAGE_SIZE = 10;

/**
 * Previous and next links for a list shown a page at a time. The page is in the URL (`?page=2`), beside the
 * list's filters, so a reload, a shared link and the back button keep it. Nothing when all fits on one page.
 *
 * @example
 * <Pager list="/orders" page={2} total={34} label="Pages of orders" />
 */
export function Pager({ list, page, total, label }: { list: '/orders' | '/tickets'; page: number; total: number; label: string }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1 && page === 1) return null;
  const link = (to: number, text: string, rel: string) => (
    <Link from={list} to="." search={(previous) => ({ ...previous, page: to > 1 ? to : undefined })} rel={rel}>
      {text}
    </Link>
  );
  return (
    <nav className={styles.pager} aria-label={label}>
      {page > 1 && link(Math.min(page - 1, pages), 'Previous page', 'prev')}
      <span aria-current="page">
        Page {page} of {pages}
      </span>
      {page < pages && link(page + 1, 'Next page', 'next')}
    </nav>
  );
}
