import type { CustomerPatch, CustomerRecord, PortalStore } from '../store.js';
import type { OperationInput, Profile, Settings } from '../types.js';
import { sum } from './dashboard.js';
import { ok, type OperationContext, type OperationResult } from './context.js';

export async function getProfile(_input: unknown, context: OperationContext): Promise<OperationResult<Profile>> {
  return ok(await profileOf(context.customer, context.store));
}

/** A partial update; `preferences` merges, and its theme is the settings' theme. */
export async function updateProfile(
  { body }: OperationInput<'updateProfile'>,
  context: OperationContext,
): Promise<OperationResult<Profile>> {
  const patch: CustomerPatch = {};
  if (body.full_name !== undefined) patch.full_name = body.full_name;
  if (body.avatar !== undefined) patch.avatar = body.avatar;
  const preferences = body.preferences ?? {};
  if (preferences.language !== undefined) patch.language = preferences.language;
  if (preferences.notifications !== undefined) patch.notifications_enabled = preferences.notifications;
  if (preferences.theme !== undefined) patch.theme = preferences.theme;
  const customer = await context.store.updateCustomer(context.customer.id, patch);
  return ok(await profileOf(customer, context.store));
}

export async function getSettings(_input: unknown, { customer }: OperationContext): Promise<OperationResult<Settings>> {
  return ok(settingsOf(customer));
}

/** A partial update; `notifications` and `general` each merge, and the theme is the profile's theme. */
export async function updateSettings(
  { body }: OperationInput<'updateSettings'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Settings>> {
  const patch: CustomerPatch = {};
  if (body.notifications) patch.notification_settings = body.notifications;
  const general = body.general ?? {};
  if (general.theme !== undefined) patch.theme = general.theme;
  if (general.timezone !== undefined) patch.timezone = general.timezone;
  if (general.currency !== undefined) patch.currency = general.currency;
  return ok(settingsOf(await store.updateCustomer(customer.id, patch)));
}

/** A customer as the contract's `Profile` shows them (what an override of the mocks is given as `customer`). */
export async function profileOf(customer: CustomerRecord, store: PortalStore): Promise<Profile> {
  const [orders, tickets] = await Promise.all([store.countOrdersByStatus(customer.id), store.countTicketsByStatus(customer.id)]);
  return {
    id: customer.id,
    email: customer.email,
    full_name: customer.full_name,
    avatar: customer.avatar,
    preferences: { language: customer.language, notifications: customer.notifications_enabled, theme: customer.theme },
    total_orders: sum(orders),
    total_tickets: sum(tickets),
    member_since: customer.member_since,
  };
}

function settingsOf(customer: CustomerRecord): Settings {
  return {
    notifications: { ...customer.notification_settings },
    general: { theme: customer.theme, timezone: customer.timezone, currency: customer.currency },
  };
}
