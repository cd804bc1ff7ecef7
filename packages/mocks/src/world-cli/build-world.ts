/**
 * A world from recorded answers: each account's profile, settings, orders (with their tracking), tickets
 * (with their messages) and notifications as the backend showed them, in the order it listed them. What no
 * answer shows is inferred so that the answers still hold (the returns behind the dashboard's pending
 * refunds), and listed; where no world can give the answers, one sentence says so.
 */
import { checkWorld, describeBreach, type SampleCustomer, type SampleNotification, type SampleOrder, type SampleTicket, type SampleWorld, type WorldInference } from '@customer-portal/core';
import type { Dashboard, Notification, Order, OrderTracking, Profile, Return, Settings, Ticket, TicketSummary } from '@customer-portal/sdk';
import { readOf, unfiltered, type AccountRecording, type Exchange } from './exchanges.js';

export interface BuiltWorld {
  world: SampleWorld;
  inferred: WorldInference[];
  /** What the answers did not show, in sentences (a HAR that did not page through every order, say). */
  unseen: string[];
  /** The password each account signs in with in the world: a development one unless kept. */
  passwords: { email: string; password: string }[];
}

/** No world gives the recorded answers: the message is one sentence. */
export class InconsistentRecording extends Error {
  override name = 'InconsistentRecording';
}

const ACTIVE = new Set(['PENDING', 'PROCESSING', 'SHIPPED']);
const OPEN = new Set(['OPEN', 'IN_PROGRESS']);
const RESOLVED = new Set(['RESOLVED', 'CLOSED']);
const RETURNABLE = new Set(['DELIVERED', 'RETURNED']);

interface Reads {
  profile?: Profile;
  settings?: Settings;
  dashboard?: Dashboard;
  orders: Map<string, Order>;
  ordersTotal?: number;
  tracking: Map<string, OrderTracking>;
  tickets: Map<string, TicketSummary | Ticket>;
  ticketsTotal?: number;
  detailed: Set<string>;
  notifications: Map<number, Notification>;
  notificationsTotal?: number;
}

/** The successful reads of one account, each record once, in the order the backend listed them. */
function readsOf(exchanges: Exchange[]): Reads {
  const reads: Reads = { orders: new Map(), tracking: new Map(), tickets: new Map(), detailed: new Set(), notifications: new Map() };
  for (const { path, status, total, body } of exchanges) {
    if (status !== 200) continue;
    const { read, id, query } = readOf(path);
    const whole = unfiltered(query) && total !== null ? Number(total) : undefined;
    if (read === 'profile') reads.profile = body as Profile;
    else if (read === 'settings') reads.settings = body as Settings;
    else if (read === 'dashboard') reads.dashboard = body as Dashboard;
    else if (read === 'orders') {
      for (const order of body as Order[]) if (!reads.orders.has(order.id)) reads.orders.set(order.id, order);
      if (whole !== undefined) reads.ordersTotal = whole;
    } else if (read === 'order' && id) reads.orders.set(id, body as Order);
    else if (read === 'tracking' && id) reads.tracking.set(id, body as OrderTracking);
    else if (read === 'tickets') {
      for (const ticket of body as TicketSummary[]) if (!reads.tickets.has(ticket.id)) reads.tickets.set(ticket.id, ticket);
      if (whole !== undefined) reads.ticketsTotal = whole;
    } else if (read === 'ticket' && id) {
      reads.tickets.set(id, body as Ticket);
      reads.detailed.add(id);
    } else if (read === 'notifications') {
      for (const n of body as Notification[]) if (!reads.notifications.has(n.id)) reads.notifications.set(n.id, n);
      if (whole !== undefined) reads.notificationsTotal = whole;
    }
  }
  return reads;
}

/** Orders newest first as the backend listed them; one seen only on its own page goes where its date puts it. */
function listed<T extends { created_at: string }>(rows: T[]): T[] {
  return rows.map((row, index) => ({ row, index })).sort((a, b) => b.row.created_at.localeCompare(a.row.created_at) || a.index - b.index).map(({ row }) => row);
}

function customerOf(reads: Reads, password: string): SampleCustomer {
  const profile = reads.profile!;
  const settings = reads.settings;
  return {
    id: profile.id,
    email: profile.email,
    password,
    full_name: profile.full_name,
    avatar: profile.avatar,
    member_since: profile.member_since,
    preferences: { ...profile.preferences },
    settings: {
      notifications: settings?.notifications ?? { email: true, order_updates: true, refund_updates: true, support_replies: true },
      general: { timezone: settings?.general.timezone ?? 'UTC+0', currency: settings?.general.currency ?? 'USD' },
    },
  };
}

function orderOf(customerId: number, order: Order, tracking: OrderTracking | undefined): SampleOrder {
  const shipment = tracking && (tracking.current_location !== null || tracking.courier_name !== null || tracking.courier_contact !== null)
    ? { current_location: tracking.current_location, courier_name: tracking.courier_name, courier_contact: tracking.courier_contact }
    : null;
  return { customer_id: customerId, ...order, shipment };
}

/**
 * The world of `accounts`' answers.
 *
 * @param keepPasswords store each account's real password (default: a development password, printed).
 * @throws InconsistentRecording when no world gives the answers (more pending refunds than returnable items,
 * figures that disagree with the lists), or when an account's profile was never read.
 */
export function buildWorld(accounts: AccountRecording[], { keepPasswords = false } = {}): BuiltWorld {
  const world: SampleWorld = { customers: [], orders: [], returns: [], tickets: [], notifications: [] };
  const inferred: WorldInference[] = [];
  const unseen: string[] = [];
  const passwords: BuiltWorld['passwords'] = [];

  accounts.forEach((account, index) => {
    const reads = readsOf(account.exchanges);
    const who = reads.profile?.email ?? account.email ?? `account ${index + 1}`;
    if (!reads.profile) throw new InconsistentRecording(`No answer shows the profile of ${who}, so its customer cannot be told apart or recorded.`);
    if (world.customers.some((c) => c.id === reads.profile!.id)) return;
    const password = keepPasswords && account.password ? account.password : `dev-password-${world.customers.length + 1}`;
    world.customers.push(customerOf(reads, password));
    passwords.push({ email: reads.profile.email, password });
    if (!reads.settings) unseen.push(`${who}'s settings were not read: the world gives them the defaults (every notification on, UTC+0, USD).`);

    const customerId = reads.profile.id;
    const orders = listed([...reads.orders.values()]).map((o) => orderOf(customerId, o, reads.tracking.get(o.id)));
    const untracked = orders.filter((o) => !reads.tracking.has(o.id) && o.tracking_number !== null).length;
    if (untracked > 0) unseen.push(`${untracked} of ${who}'s orders were not tracked: the world knows no location or courier for them.`);
    world.orders.push(...orders);
    // Complete only when an unfiltered list said how many there are, and that many were seen.
    const allOrders = reads.ordersTotal === orders.length;
    if (reads.ordersTotal === undefined) unseen.push(`${who}'s whole order list was not read: the world holds the ${orders.length} orders seen.`);
    else if (!allOrders) unseen.push(`${who} has ${reads.ordersTotal} orders and ${orders.length} were seen: the world holds those ${orders.length}.`);

    const tickets: SampleTicket[] = listed([...reads.tickets.values()]).map((t) => ({
      customer_id: customerId,
      id: t.id,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      order_id: t.order_id ?? null,
      created_at: t.created_at,
      updated_at: t.updated_at,
      messages: 'messages' in t ? t.messages.map((m) => ({ ...m, is_internal: false })) : [],
    }));
    const unread = tickets.filter((t) => !reads.detailed.has(t.id)).length;
    if (unread > 0) unseen.push(`${unread} of ${who}'s tickets were not opened: the world holds them without messages.`);
    world.tickets.push(...tickets);
    const allTickets = reads.ticketsTotal === tickets.length;
    if (reads.ticketsTotal === undefined) unseen.push(`${who}'s ticket list was not read: the world holds the ${tickets.length} tickets seen.`);
    else if (!allTickets) unseen.push(`${who} has ${reads.ticketsTotal} tickets and ${tickets.length} were seen.`);

    const notifications: SampleNotification[] = listed(
      [...reads.notifications.values()].map((n) => ({ ...n, created_at: n.timestamp })),
    ).map(({ created_at: _c, ...n }) => ({ customer_id: customerId, ...n }));
    world.notifications.push(...notifications);

    const dashboard = reads.dashboard;
    if (!dashboard) {
      unseen.push(`${who}'s dashboard was not read: no pending refunds are inferred.`);
      return;
    }
    const figure = (name: string, shown: number, counted: number, complete: boolean) => {
      if (shown === counted) return;
      if (!complete) return void unseen.push(`${who}'s dashboard shows ${shown} ${name}, and the ${counted} seen are not all of them.`);
      throw new InconsistentRecording(`${who}'s dashboard shows ${shown} ${name}, but the answers list ${counted}: the backend changed during the recording or breaks the contract's rules, so no world gives both.`);
    };
    figure('active orders', dashboard.stats.active_orders, orders.filter((o) => ACTIVE.has(o.status)).length, allOrders);
    figure('open tickets', dashboard.stats.open_tickets, tickets.filter((t) => OPEN.has(t.status)).length, allTickets);
    figure('resolved tickets', dashboard.stats.resolved_tickets, tickets.filter((t) => RESOLVED.has(t.status)).length, allTickets);
    inferReturns(world, inferred, who, orders, dashboard.stats.pending_refunds);
  });

  const breaches = checkWorld(world);
  if (breaches.length > 0) {
    throw new InconsistentRecording(`The recorded answers make a world that breaks a rule in ${describeBreach(breaches[0]!)}, so no world file was written.`);
  }
  return { world, inferred, unseen, passwords };
}

/**
 * No read shows returns, yet the dashboard counts the pending ones: that many returns are inferred, one item
 * each, on the customer's newest delivered or returned orders (the items a return may name).
 */
function inferReturns(world: SampleWorld, inferred: WorldInference[], who: string, orders: SampleOrder[], pending: number): void {
  if (pending === 0) return;
  const returnable = orders.filter((o) => RETURNABLE.has(o.status)).flatMap((o) => o.items.map((item) => ({ order: o, item })));
  if (returnable.length < pending) {
    throw new InconsistentRecording(
      `${who}'s dashboard shows ${pending} pending refunds, but the orders hold only ${returnable.length} items of delivered or returned orders that a return could name, so no consistent world exists.`,
    );
  }
  for (const { order, item } of returnable.slice(0, pending)) {
    const ret: Return = {
      id: `RET${world.returns.length + 1}`,
      order_id: order.id,
      items: [item.product_name],
      reason: 'Inferred from the dashboard',
      description: null,
      status: 'REQUESTED',
      created_at: order.created_at,
    };
    world.returns.push(ret);
    inferred.push({
      record: `returns[${world.returns.length - 1}] (${ret.id})`,
      reason: `${who}'s dashboard shows ${pending} pending refunds and no answer shows returns: a requested return of "${item.product_name}" of ${order.id} stands for one.`,
    });
  }
}
