import { useSyncExternalStore } from 'react';

// A sentence for the page a change moved on to, e.g. "Ticket TKT7 opened." on the new ticket's page. It is
// for that page only: leaving it forgets the sentence.
let entry: { text: string; hash: string } | undefined;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

export const flash = {
  /** Goes to `to` (a `#/…` href) and shows `text` there. */
  showOn(to: string, text: string): void {
    entry = { text, hash: to };
    window.location.hash = to;
    changed();
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onHashChange = () => {
    if (entry && window.location.hash !== entry.hash) {
      entry = undefined;
      changed();
    }
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', onHashChange);
  };
}

/** The sentence for the current page, if a change left one. */
export const useFlash = (): string | undefined =>
  useSyncExternalStore(subscribe, () => (entry && entry.hash === window.location.hash ? entry.text : undefined));
