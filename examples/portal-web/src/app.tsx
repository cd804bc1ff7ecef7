import { portal, unwrap } from './api.ts';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications-page.tsx';
import { OrderTrackingPage } from './pages/order-tracking-page.tsx';
import { OrdersPage } from './pages/orders-page.tsx';
import { TicketPage } from './pages/ticket-page.tsx';
import { TicketsPage } from './pages/tickets-page.tsx';
import { href, useRoute, type Route } from './router.ts';
import { session, useToken } from './session.ts';
import { useApi } from './use-api.ts';

/** The portal: the sign-in page until there is a token, then the page the URL hash names. */
export function App({ notice }: { notice?: string }) {
  const token = useToken();
  return (
    <>
      {notice && <p className="notice">{notice}</p>}
      {token ? <SignedIn /> : <LoginPage />}
    </>
  );
}

function SignedIn() {
  const route = useRoute();
  const profile = useApi(() => unwrap(portal.GET('/api/v1/customer/profile')), []);
  const signOut = () => {
    portal.logout();
    session.signOut();
  };
  return (
    <>
      <header className="top-bar">
        <a className="brand" href={href.dashboard}>
          Customer Portal
        </a>
        <nav aria-label="Main">
          <NavLink to={href.dashboard} current={route.page === 'dashboard'}>Dashboard</NavLink>
          <NavLink to={href.orders} current={route.page === 'orders' || route.page === 'tracking'}>Orders</NavLink>
          <NavLink to={href.tickets} current={route.page === 'tickets' || route.page === 'ticket'}>Tickets</NavLink>
          <NavLink to={href.notifications} current={route.page === 'notifications'}>Notifications</NavLink>
        </nav>
        <span className="who">{profile.data?.full_name}</span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        <Page route={route} />
      </main>
    </>
  );
}

function NavLink({ to, current, children }: { to: string; current: boolean; children: string }) {
  return (
    <a href={to} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'orders':
      return <OrdersPage />;
    case 'tracking':
      return <OrderTrackingPage key={route.orderId} orderId={route.orderId} />;
    case 'tickets':
      return <TicketsPage />;
    case 'ticket':
      return <TicketPage key={route.ticketId} ticketId={route.ticketId} />;
    case 'notifications':
      return <NotificationsPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
