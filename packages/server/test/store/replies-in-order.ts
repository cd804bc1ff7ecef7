/** What every store promises about replies committed out of clock order (see repliesCommittedOutOfClockOrder). */
import type { StoredMessage, StoredTicket } from '@customer-portal/core';
import { expect } from 'vitest';

export function expectRepliesInCommitOrder({ ticket, committedSecond, stampedLater }: { ticket: StoredTicket; committedSecond: StoredMessage; stampedLater: string }): void {
  expect(ticket.updated_at).toBe(stampedLater);
  expect(committedSecond.timestamp).toBe(stampedLater);
  expect(ticket.messages.at(-1)).toEqual(committedSecond);
  const times = ticket.messages.map((m) => m.timestamp);
  expect(times).toEqual([...times].sort());
}
