import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useProfile, useTheme } from './account.ts';
import { createQueryClient } from './api.ts';
import { useFlash } from './flash.ts';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
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
import { href, useRoute, type Route } from './router.ts';
import { session, useToken } from './session.ts';

/** The portal: the sign-in page until there is a token, then the page the URL hash names. */
export function App({ notice }: { notice?: string }) {
  const token = useToken();
  const [queryClient] = useState(createQueryClient);
  // Signed out (or the API said the token is no good): nothing of this customer's stays in the cache.
  useEffect(() => session.subscribe(() => session.token() === null && queryClient.clear()), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      {notice && <p className="notice">{notice}</p>}
      {token ? <SignedIn /> : <LoginPage />}
    </QueryClientProvider>
  );
}

const sections: { label: string; to: string; pages: Route['page'][] }[] = [
  { label: 'Dashboard', to: href.dashboard, pages: ['dashboard'] },
  { label: 'Orders', to: href.orders, pages: ['orders', 'order', 'tracking', 'return'] },
  { label: 'Tickets', to: href.tickets, pages: ['tickets', 'ticket', 'new-ticket'] },
  { label: 'Notifications', to: href.notifications, pages: ['notifications'] },
  { label: 'Settings', to: href.settings, pages: ['settings'] },
];

function SignedIn() {
  const route = useRoute();
  const profile = useProfile();
  useTheme(profile.data?.preferences.theme);
  const message = useFlash();
  const signOut = () => session.signOut();
  return (
    <>
      <header className="top-bar">
        <a className="brand" href={href.dashboard}>
          Customer Portal
        </a>
        <nav aria-label="Main">
          {sections.map((section) => (
            <a key={section.label} href={section.to} aria-current={section.pages.includes(route.page) ? 'page' : undefined}>
              {section.label}
            </a>
          ))}
        </nav>
        <a className="who" href={href.profile} aria-current={route.page === 'profile' ? 'page' : undefined}>
          {profile.data?.full_name ?? 'Profile'}
          <span className="visually-hidden"> (your profile)</span>
        </a>
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {message && (
          <p role="status" className="success">
            {message}
          </p>
        )}
        <Page route={route} />
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'orders':
      return <OrdersPage />;
    case 'order':
      return <OrderPage key={route.orderId} orderId={route.orderId} />;
    case 'tracking':
      return <OrderTrackingPage key={route.orderId} orderId={route.orderId} />;
    case 'return':
      return <ReturnPage key={route.orderId} orderId={route.orderId} />;
    case 'tickets':
      return <TicketsPage />;
    case 'new-ticket':
      return <NewTicketPage />;
    case 'ticket':
      return <TicketPage key={route.ticketId} ticketId={route.ticketId} />;
    case 'notifications':
      return <NotificationsPage />;
    case 'profile':
      return <ProfilePage />;
    case 'settings':
      return <SettingsPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
