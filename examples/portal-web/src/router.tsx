import { orderStatusFilterValues, ticketStatusFilterValues } from '@customer-portal/sdk';
import { createRootRoute, createRoute, createRouter, retainSearchParams, type RouterHistory } from '@tanstack/react-router';
import { Layout } from './layout.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { NewTicketPage } from './pages/new-ticket-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications-page.tsx';
import { OrderPage } from './pages/order-page.tsx';
import { OrderTrackingPage } from './pages/order-tracking-page.tsx';
import { OrdersPage } from './pages/orders-page.tsx';
import { ProfilePage } from './pages/profile-page.tsx';
import { ReturnPage } from './pages/return-page.tsx';
import { SettingsPage } from './pages/settings-page.tsx';
import { TicketPage } from './pages/ticket-page.tsx';
import { TicketsPage } from './pages/tickets-page.tsx';

/**
 * A list's filters in the URL: `/orders?status=delivered&search=ord12&page=2`. A value the contract does not
 * know is dropped, so a hand-edited or outdated link shows the whole list rather than an error; a default is
 * left out of the URL.
 */
export interface ListSearch<Status extends string> {
  status?: Exclude<Status, 'all'>;
  search?: string;
  page?: number;
}

function listSearch<Status extends string>(statuses: readonly Status[]) {
  return (input: Record<string, unknown>): ListSearch<Status> => {
    const status = statuses.find((value) => value === input.status && value !== 'all') as Exclude<Status, 'all'> | undefined;
    // The router reads `?search=123` as a number: a search is text whatever it looks like.
    const search = typeof input.search === 'string' || typeof input.search === 'number' ? String(input.search).trim() : '';
    const page = Number(input.page);
    return {
      ...(status ? { status } : {}),
      ...(search ? { search } : {}),
      ...(Number.isInteger(page) && page > 1 ? { page } : {}),
    };
  };
}

const rootRoute = createRootRoute({
  // `?scenario=` picks the mocks' data in mock mode; every link keeps it, so a reload keeps the scenario too.
  validateSearch: (input: Record<string, unknown>): { scenario?: string } =>
    typeof input.scenario === 'string' ? { scenario: input.scenario } : {},
  search: { middlewares: [retainSearchParams(['scenario'])] },
  component: Layout,
  notFoundComponent: NotFoundPage,
});

/** The notifications' filter in the URL: `/notifications?unread=true`. */
const unreadSearch = (input: Record<string, unknown>): { unread?: true } => (input.unread === true ? { unread: true } : {});

// One constant a route, each with its path written out: the router's types (every Link's `to`, `params` and
// `search`, each page's `useSearch()`) come from them.
const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: DashboardPage });
const ordersRoute = createRoute({ getParentRoute: () => rootRoute, path: 'orders', validateSearch: listSearch(orderStatusFilterValues), component: OrdersPage });
const orderRoute = createRoute({ getParentRoute: () => rootRoute, path: 'orders/$orderId', component: OrderPage });
const trackingRoute = createRoute({ getParentRoute: () => rootRoute, path: 'orders/$orderId/tracking', component: OrderTrackingPage });
const returnRoute = createRoute({ getParentRoute: () => rootRoute, path: 'orders/$orderId/return', component: ReturnPage });
const ticketsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'tickets', validateSearch: listSearch(ticketStatusFilterValues), component: TicketsPage });
const newTicketRoute = createRoute({ getParentRoute: () => rootRoute, path: 'tickets/new', component: NewTicketPage });
const ticketRoute = createRoute({ getParentRoute: () => rootRoute, path: 'tickets/$ticketId', component: TicketPage });
const notificationsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'notifications', validateSearch: unreadSearch, component: NotificationsPage });
const profileRoute = createRoute({ getParentRoute: () => rootRoute, path: 'profile', component: ProfilePage });
const settingsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'settings', component: SettingsPage });

const routeTree = rootRoute.addChildren([
  dashboardRoute,
  ordersRoute,
  orderRoute,
  trackingRoute,
  returnRoute,
  ticketsRoute,
  newTicketRoute,
  ticketRoute,
  notificationsRoute,
  profileRoute,
  settingsRoute,
]);

/**
 * The portal's pages, each at its own address. The browser's history by default; a story passes a memory
 * history that starts at the page it shows.
 */
export function createPortalRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history ? { history } : {}), scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createPortalRouter>;
  }
  interface HistoryState {
    /** A sentence for the page a change moved on to, e.g. "Ticket TKT7 opened." on the new ticket's page. */
    flash?: string;
  }
}
