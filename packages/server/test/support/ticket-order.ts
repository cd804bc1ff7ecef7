/** What a ticket read over HTTP must show after replies raced through several processes. */
import { expect } from 'vitest';

interface TicketBody {
  updated_at: string;
  messages: { timestamp: string }[];
}

/** Messages, listed in the order they were stored, carry times that never go back; updated_at is the last one. */
export function expectInTimeOrder(ticket: TicketBody): void {
  const times = ticket.messages.map((m) => m.timestamp);
  expect(times).toEqual([...times].sort());
  expect(ticket.updated_at).toBe(times.at(-1));
}
