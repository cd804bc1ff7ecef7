/**
 * The requests of the parity test, in order: later cases read what earlier ones wrote. They cover every
 * operation, its errors and the routing; what each answer must be is core's operation tests' to say, and
 * this test only requires the hosts to agree.
 */

export type Caller = 'ali' | 'sara' | 'anonymous';

export interface ParityCase {
  name: string;
  method: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, as sent. */
  path: string;
  /** Whose token goes in `Authorization` (default Ali), unless `authorization` gives the header as is. */
  as?: Caller;
  authorization?: string;
  /** A JSON value to send, or a raw body with its media type. */
  body?: unknown;
  raw?: { text: string; contentType: string };
}

const login = (email: string, password: string) => ({ email, password });
const ORDERS = '/api/v1/customer/orders';
const TICKETS = '/api/v1/customer/tickets';
const NOTIFICATIONS = '/api/v1/customer/notifications';

export const parityCases: ParityCase[] = [
  // login
  { name: 'signs Ali in, whatever the case of the email', method: 'POST', path: '/auth/login', as: 'anonymous', body: login('Ali.Jawad@Example.com', 'customer123') },
  { name: 'refuses a wrong password', method: 'POST', path: '/auth/login', as: 'anonymous', body: login('ali.jawad@example.com', 'customer124') },
  { name: 'refuses an unknown email the same way', method: 'POST', path: '/auth/login', as: 'anonymous', body: login('nobody@example.com', 'customer123') },
  { name: 'names every invalid sign-in field', method: 'POST', path: '/auth/login', as: 'anonymous', body: { email: 'not-an-email', remember: true } },
  { name: 'refuses a body that is not JSON', method: 'POST', path: '/auth/login', as: 'anonymous', raw: { text: '{"email":', contentType: 'application/json' } },
  { name: 'refuses a form body', method: 'POST', path: '/auth/login', as: 'anonymous', raw: { text: 'email=ali', contentType: 'application/x-www-form-urlencoded' } },
  { name: 'refuses a body over 100 kB', method: 'POST', path: '/auth/login', as: 'anonymous', body: login('ali.jawad@example.com', 'x'.repeat(110_000)) },

  // authentication
  { name: 'asks for a token', method: 'GET', path: '/api/v1/customer/dashboard', as: 'anonymous' },
  { name: 'refuses a token nobody issued', method: 'GET', path: '/api/v1/customer/dashboard', authorization: 'Bearer not-a-real-token' },
  { name: 'refuses another scheme', method: 'GET', path: '/api/v1/customer/dashboard', authorization: 'Basic YWxpOmN1c3RvbWVyMTIz' },

  // dashboard and orders
  { name: "shows Ali's dashboard", method: 'GET', path: '/api/v1/customer/dashboard' },
  { name: 'filters orders by status and pages them', method: 'GET', path: `${ORDERS}?status=delivered&limit=2&offset=1` },
  { name: 'searches order ids', method: 'GET', path: `${ORDERS}?search=ord12` },
  { name: 'treats % in a search as a literal character', method: 'GET', path: `${ORDERS}?search=%25` },
  { name: 'names every invalid list parameter', method: 'GET', path: `${ORDERS}?status=lost&limit=0&offset=-1` },
  { name: 'shows an order', method: 'GET', path: `${ORDERS}/ORD123` },
  { name: "hides Sara's order from Ali", method: 'GET', path: `${ORDERS}/ORD301` },
  { name: 'refuses an order id with invalid characters', method: 'GET', path: `${ORDERS}/ORD!23` },
  { name: 'tracks a shipped order', method: 'GET', path: `${ORDERS}/track/ORD123` },
  { name: 'tracks a delivered order', method: 'GET', path: `${ORDERS}/track/ORD118` },
  { name: 'does not track an unknown order', method: 'GET', path: `${ORDERS}/track/ORD999` },

  // returns
  { name: 'records a return of a delivered item', method: 'POST', path: `${ORDERS}/return`, body: { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Product is defective', description: 'The left speaker is silent' } },
  { name: 'refuses a second return of the same item', method: 'POST', path: `${ORDERS}/return`, body: { order_id: 'ORD118', items: ['Portable Bluetooth Speaker'], reason: 'Again' } },
  { name: 'refuses a return of an order not yet delivered', method: 'POST', path: `${ORDERS}/return`, body: { order_id: 'ORD123', items: ['Wireless Headphones'], reason: 'Changed my mind' } },
  { name: "refuses a return of Sara's order as if it did not exist", method: 'POST', path: `${ORDERS}/return`, body: { order_id: 'ORD301', items: ['anything'], reason: 'Mine now' } },
  { name: 'refuses unknown fields in a return', method: 'POST', path: `${ORDERS}/return`, body: { order_id: 'ORD117', items: [], reason: ' ', refund_to: 'cash' } },
  { name: 'counts the new return as a pending refund', method: 'GET', path: '/api/v1/customer/dashboard' },

  // tickets
  { name: 'filters tickets by in-progress', method: 'GET', path: `${TICKETS}?status=in-progress` },
  { name: 'opens a ticket', method: 'POST', path: TICKETS, body: { subject: 'Where is my parcel?', description: 'ORD123 has not moved for a week.', order_id: 'ORD123' } },
  { name: 'lists the new ticket first', method: 'GET', path: TICKETS },
  { name: 'counts the new ticket as open', method: 'GET', path: '/api/v1/customer/dashboard' },
  { name: "refuses a ticket about Sara's order", method: 'POST', path: TICKETS, body: { subject: 'Hi', description: 'Hello', order_id: 'ORD301' } },
  { name: 'refuses a blank subject and an unknown priority', method: 'POST', path: TICKETS, body: { subject: '   ', description: 'x', priority: 'ASAP' } },
  { name: 'shows a ticket without its internal notes', method: 'GET', path: `${TICKETS}/TKT456` },
  { name: 'adds a reply to the new ticket', method: 'POST', path: `${TICKETS}/TKT457/messages`, body: { content: 'Any news?' } },
  { name: 'shows the reply in the conversation', method: 'GET', path: `${TICKETS}/TKT457` },
  { name: 'refuses a reply holding a lone surrogate, naming the field', method: 'POST', path: `${TICKETS}/TKT457/messages`, body: { content: 'a\ud800b' } },
  { name: 'refuses a search whose percent-encoding is not UTF-8', method: 'GET', path: `${ORDERS}?search=%ED%A0%80` },
  { name: "refuses a reply to Sara's ticket", method: 'POST', path: `${TICKETS}/TKT302/messages`, body: { content: 'Hello Sara' } },
  { name: "hides Ali's new ticket from Sara", method: 'GET', path: `${TICKETS}/TKT457`, as: 'sara' },

  // profile and settings
  { name: 'shows the profile', method: 'GET', path: '/api/v1/customer/profile' },
  { name: 'updates the name and the theme', method: 'PUT', path: '/api/v1/customer/profile', body: { full_name: 'Ali J.', preferences: { theme: 'dark' } } },
  { name: 'refuses to change the email', method: 'PUT', path: '/api/v1/customer/profile', body: { email: 'ali@evil.example' } },
  { name: 'shows the theme in the settings too', method: 'GET', path: '/api/v1/customer/settings' },
  { name: 'merges a settings update', method: 'PUT', path: '/api/v1/customer/settings', body: { notifications: { email: false }, general: { currency: 'EUR' } } },
  { name: 'refuses an invalid timezone', method: 'PUT', path: '/api/v1/customer/settings', body: { general: { timezone: 'Mars/Olympus' } } },

  // notifications
  { name: 'lists unread notifications', method: 'GET', path: `${NOTIFICATIONS}?unread_only=true` },
  { name: 'marks a notification read', method: 'PUT', path: `${NOTIFICATIONS}/1/read` },
  { name: 'marks it read again, unchanged', method: 'PUT', path: `${NOTIFICATIONS}/1/read` },
  { name: "refuses to mark Sara's notification", method: 'PUT', path: `${NOTIFICATIONS}/7/read` },
  { name: 'refuses a non-numeric notification id', method: 'PUT', path: `${NOTIFICATIONS}/first/read` },
  { name: 'no longer lists it as unread', method: 'GET', path: `${NOTIFICATIONS}?unread_only=true` },

  // isolation: Sara after all of Ali's writes
  { name: "shows Sara's dashboard untouched by Ali's writes", method: 'GET', path: '/api/v1/customer/dashboard', as: 'sara' },
  { name: "lists only Sara's tickets", method: 'GET', path: TICKETS, as: 'sara' },
  { name: "lists only Sara's notifications", method: 'GET', path: NOTIFICATIONS, as: 'sara' },

  // routing
  { name: 'answers an unknown path with a 404 problem', method: 'GET', path: '/api/v1/customer/wishlist' },
  { name: 'answers another method on a known path with a 405 problem', method: 'DELETE', path: `${TICKETS}/TKT456` },
  { name: 'answers HEAD like GET, without a body', method: 'HEAD', path: `${ORDERS}?status=delivered` },
  { name: 'lists the allowed methods for OPTIONS', method: 'OPTIONS', path: TICKETS },
];
