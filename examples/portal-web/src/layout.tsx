import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useProfile, useTheme } from './account.ts';
import { LoginPage } from './pages/login-page.tsx';
import { session, useToken } from './session.ts';
import button from './components/button.module.css';
import pageLayout from './components/page-layout.module.css';
import styles from './layout.module.css';

/** Every page's frame: the sign-in page until there is a token, then the header and the page the URL names. */
export function Layout() {
  return useToken() ? <SignedIn /> : <LoginPage />;
}

function SignedIn() {
  const profile = useProfile();
  useTheme(profile.data?.preferences.theme);
  // Left by the change that led here ("Ticket TKT7 opened."), in the history entry: another page has none.
  const flash = useLocation({ select: (location) => location.state.flash });
  return (
    <>
      <header className={styles.topBar}>
        <Link className={styles.brand} to="/">
          Customer Portal
        </Link>
        {/* A Link marks itself aria-current="page" on its page and the pages under it. */}
        <nav aria-label="Main">
          <Link to="/" activeOptions={{ exact: true }}>
            Dashboard
          </Link>
          <Link to="/orders">Orders</Link>
          <Link to="/tickets">Tickets</Link>
          <Link to="/notifications">Notifications</Link>
          <Link to="/settings">Settings</Link>
        </nav>
        <Link className={styles.who} to="/profile">
          {profile.data?.full_name ?? 'Profile'}
          <span className="visually-hidden"> (your profile)</span>
        </Link>
        <button type="button" className={button.secondary} onClick={() => session.signOut()}>
          Sign out
        </button>
      </header>
      <main className={styles.main}>
        {flash && (
          <p role="status" className={pageLayout.success}>
            {flash}
          </p>
        )}
        <Outlet />
      </main>
    </>
  );
}
