import { useSyncExternalStore } from 'react';

/** The app's pages. The URL hash holds the route, so links are plain `<a href>` and reloads keep the page. */
export type Route =
  | { page: 'dashboard' }
  | { page: 'orders' }
  | { page: 'tracking'; orderId: string }
  | { page: 'tickets' }
  | { page: 'ticket'; ticketId: string }
  | { page: 'notifications' }
  | { page: 'not-found' };

/** The `href` of each page. */
export const href = {
  dashboard: '#/',
  orders: '#/orders',
  tracking: (orderId: string) => `#/orders/${encodeURIComponent(orderId)}/tracking`,
  tickets: '#/tickets',
  ticket: (ticketId: string) => `#/tickets/${encodeURIComponent(ticketId)}`,
  notifications: '#/notifications',
};

const routes: [RegExp, (id: string) => Route][] = [
  [/^\/?$/, () => ({ page: 'dashboard' })],
  [/^\/orders$/, () => ({ page: 'orders' })],
  [/^\/orders\/([^/]+)\/tracking$/, (orderId) => ({ page: 'tracking', orderId })],
  [/^\/tickets$/, () => ({ page: 'tickets' })],
  [/^\/tickets\/([^/]+)$/, (ticketId) => ({ page: 'ticket', ticketId })],
  [/^\/notifications$/, () => ({ page: 'notifications' })],
];

/** Reads a route from a location hash such as `#/orders/ORD123/tracking`. */
function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const [pattern, route] of routes) {
    const match = pattern.exec(path);
    if (!match) continue;
    try {
      return route(decodeURIComponent(match[1] ?? ''));
    } catch {
      break; // a malformed %-escape, such as `#/tickets/%E0`
    }
  }
  return { page: 'not-found' };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
