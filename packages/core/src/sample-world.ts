import { sampleWorldData } from './generated/sample-world.js';
import type { SampleCustomer, SampleWorld } from './sample-world-types.js';
import type { CustomerRecord } from './store.js';

export type { SampleCustomer, SampleNotification, SampleOrder, SampleTicket, SampleWorld } from './sample-world-types.js';

/** A fresh deep copy of the sample world, safe to mutate. */
export function sampleWorld(): SampleWorld {
  return structuredClone(sampleWorldData);
}

/** A sample account as the store keeps it. */
export function customerRecordOf(customer: SampleCustomer): CustomerRecord {
  return {
    id: customer.id,
    email: customer.email,
    full_name: customer.full_name,
    avatar: customer.avatar,
    member_since: customer.member_since,
    language: customer.preferences.language,
    theme: customer.preferences.theme,
    notifications_enabled: customer.preferences.notifications,
    notification_settings: { ...customer.settings.notifications },
    timezone: customer.settings.general.timezone,
    currency: customer.settings.general.currency,
  };
}

/** The next id in a sequence like TKT456 or MSG12: one more than the highest number in use. */
export function nextId(prefix: string, existing: Iterable<string>): string {
  let highest = 0;
  for (const id of existing) {
    const n = Number(id.slice(prefix.length));
    if (id.startsWith(prefix) && Number.isInteger(n) && n > highest) highest = n;
  }
  return `${prefix}${highest + 1}`;
}
