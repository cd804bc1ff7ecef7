const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
// UTC, like the API: the seed's dates then read the same on every machine.
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** `299.99` → `$299.99`. */
export const formatMoney = (amount: number): string => money.format(amount);

/** `2024-01-14T15:20:00Z` → `14 Jan 2024`; `null` → `—`. */
export const formatDate = (timestamp: string | null): string => (timestamp ? date.format(new Date(timestamp)) : '—');

/** `2024-01-14T15:20:00Z` → `14 Jan 2024, 15:20`. */
export const formatDateTime = (timestamp: string): string => dateTime.format(new Date(timestamp));

/** An API enum value as a person reads it: `IN_PROGRESS` → `In progress`. */
export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
