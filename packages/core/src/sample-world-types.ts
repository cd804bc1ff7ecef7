import type { StoredTicket, Shipment } from './store.js';
import type { Notification, Order, Return, Theme } from './types.js';

/** A sample account, as in fixtures/customers.json. The password is plain here; stores hash it. */
export interface SampleCustomer {
  id: number;
  email: string;
  password: string;
  full_name: string;
  avatar: string | null;
  member_since: string;
  preferences: { language: string; notifications: boolean; theme: Theme };
  settings: {
    notifications: { email: boolean; order_updates: boolean; refund_updates: boolean; support_replies: boolean };
    general: { timezone: string; currency: string };
  };
}

export interface SampleOrder extends Order {
  customer_id: number;
  shipment: Shipment | null;
}

export interface SampleTicket extends StoredTicket {
  customer_id: number;
}

export interface SampleNotification extends Notification {
  customer_id: number;
}

/** The documented sample world every host loads: fixtures/*.json. */
export interface SampleWorld {
  customers: SampleCustomer[];
  orders: SampleOrder[];
  /** Each return belongs to the customer of its order. */
  returns: Return[];
  tickets: SampleTicket[];
  notifications: SampleNotification[];
}
