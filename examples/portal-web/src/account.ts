import type { Theme } from '@customer-portal/sdk';
import { useEffect } from 'react';
import { $api } from './api.ts';

/**
 * The signed-in customer's profile, one cached query shared by the header, the theme and the profile page;
 * a save puts the API's answer in its place, so they all follow at once.
 */
export const useProfile = () => $api.useQuery('get', '/api/v1/customer/profile');

/** The profile query's key, for a write that changes the profile. */
export const profileKey = $api.queryOptions('get', '/api/v1/customer/profile').queryKey;

/** The customer's theme on the page: `light`, `dark`, or `system` (the operating system's choice). */
export function useTheme(theme: Theme | undefined): void {
  useEffect(() => {
    if (!theme) return;
    document.documentElement.dataset.theme = theme;
    // Signed out (or another customer): the sign-in page is in the default theme again.
    return () => void delete document.documentElement.dataset.theme;
  }, [theme]);
}
