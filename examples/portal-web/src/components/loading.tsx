import styles from './loading.module.css';
/** What a page shows while its data is on the way, instead of a bare heading. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className={styles.loading} aria-live="polite">
      <span className={styles.spinner} aria-hidden="true" /> Loading {what}…
    </p>
  );
}
