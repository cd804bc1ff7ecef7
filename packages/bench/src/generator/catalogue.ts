/** The vocabulary generated rows are made of: plausible, and valid against the contract's schemas. */
export const PRODUCTS: readonly { name: string; cents: number }[] = [
  { name: 'Wireless Headphones', cents: 29999 },
  { name: 'Smartphone Case', cents: 1999 },
  { name: 'USB-C Cable', cents: 1250 },
  { name: 'Watch Strap', cents: 2499 },
  { name: 'Running Shoes', cents: 12995 },
  { name: 'Gaming Mouse', cents: 4999 },
  { name: 'Portable Bluetooth Speaker', cents: 7999 },
  { name: 'Laptop Stand', cents: 3499 },
  { name: 'Mechanical Keyboard', cents: 8999 },
  { name: 'Desk Lamp', cents: 2750 },
  { name: 'Water Bottle', cents: 1500 },
  { name: 'Backpack', cents: 5999 },
];

export const COURIER = { name: 'FastShip Express', contact: '+91-1800-123-4567' } as const;

export const AGENTS: readonly { id: number; name: string }[] = [
  { id: 101, name: 'Priya Sharma' },
  { id: 102, name: 'Rahul Mehta' },
  { id: 103, name: 'Anita Desai' },
];

export const TICKET_SUBJECTS = ['Where is my order?', 'Product inquiry', 'Change delivery address', 'Invoice copy', 'Damaged item'];
export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export const TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;

/** The newest generated order is placed at this moment; older ones go back from here. */
export const NEWEST_ORDER_MS = Date.parse('2024-06-30T12:00:00Z');
export const DAY_MS = 86_400_000;

/** RFC 3339 UTC without milliseconds, as the contract's examples write timestamps. */
export function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
