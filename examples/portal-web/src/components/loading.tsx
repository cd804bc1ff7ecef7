/** What a page shows while its data is on the way, instead of a bare heading. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}
