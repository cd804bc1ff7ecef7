import type { FormEvent } from 'react';
import { $api } from '../api.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { session } from '../session.ts';
import pageLayout from '../components/page-layout.module.css';
import styles from './login-page.module.css';

/** Sign in with email and password; a wrong password shows the API's own explanation. */
export function LoginPage() {
  const login = $api.useMutation('post', '/auth/login', { onSuccess: ({ access_token }) => session.signIn(access_token) });

  function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ body: { email: String(form.get('email')), password: String(form.get('password')) } });
  }

  const busy = login.isPending || login.isSuccess;
  return (
    <main className={styles.login}>
      <h1>Sign in to the Customer Portal</h1>
      <form onSubmit={signIn} aria-label="Sign in">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <ErrorAlert error={login.error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {/* The sample accounts exist in the mocks and the reference server's seed, never in production. */}
      {import.meta.env.DEV && (
        <p className={pageLayout.hint}>
          Sample account: <code>ali.jawad@example.com</code> / <code>customer123</code>
        </p>
      )}
    </main>
  );
}
