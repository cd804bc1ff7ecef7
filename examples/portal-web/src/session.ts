import { useSyncExternalStore } from 'react';

// sessionStorage, not localStorage: the token lives as long as the tab, and a reload keeps you signed in.
const TOKEN_KEY = 'customer-portal:token';
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** The signed-in customer's bearer token, kept for the tab's lifetime. */
export const session = {
  token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    changed();
  },
  signOut(): void {
    if (session.token() === null) return;
    sessionStorage.removeItem(TOKEN_KEY);
    changed();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The current token, re-rendering when the customer signs in or out (or the API answers 401). */
export function useToken(): string | null {
  return useSyncExternalStore(session.subscribe, session.token);
}
