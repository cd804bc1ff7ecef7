import type { Profile, Theme } from '@customer-portal/sdk';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { portal, unwrap } from './api.ts';
import { useApi, type ApiState } from './use-api.ts';

/** The signed-in customer's profile, shared by the header, the theme and the profile and settings pages. */
export interface Account {
  profile: ApiState<Profile>;
  /** Puts a profile the API answered with in place, so the header and theme follow at once. */
  setProfile: (profile: Profile) => void;
  /** Loads the profile again, e.g. after the settings changed the theme. */
  refresh: () => void;
}

const AccountContext = createContext<Account | null>(null);

export function AccountProvider({ children }: { children: ReactNode }) {
  const profile = useApi(() => unwrap(portal.GET('/api/v1/customer/profile')), []);
  const account: Account = { profile, setProfile: profile.set, refresh: profile.reload };
  useTheme(profile.data?.preferences.theme);
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount() outside <AccountProvider>');
  return account;
}

/** The customer's theme on the page: `light`, `dark`, or `system` (the operating system's choice). */
function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    if (!theme) return;
    document.documentElement.dataset.theme = theme;
    // Signed out (or another customer): the sign-in page is in the default theme again.
    return () => void delete document.documentElement.dataset.theme;
  }, [theme]);
}
