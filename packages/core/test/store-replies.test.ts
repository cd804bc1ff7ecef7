/**
 * A reply never moves its ticket back in time: a reply stamped before the ticket's last change (its clock was
 * read before another reply was stored) takes the ticket's time. The database stores keep the same rule
 * across processes (packages/server/test/store).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore, sampleWorld } from '../src/index.js';

const reply = (content: string, timestamp: string) => ({ sender_id: 1, sender_name: 'Ali Jawad', sender_type: 'customer', content, timestamp }) as const;

describe('createMemoryStore().addTicketMessage', () => {
  it('stamps a reply no earlier than its ticket’s last change, so updated_at never goes back', async () => {
    const store = createMemoryStore(sampleWorld());
    await store.addTicketMessage(1, 'TKT456', reply('stamped later, stored first', '2024-03-02T08:00:01.000Z'));
    const late = await store.addTicketMessage(1, 'TKT456', reply('stamped earlier, stored second', '2024-03-02T08:00:00.000Z'));
    const ticket = (await store.getTicket(1, 'TKT456'))!;
    expect(late?.timestamp).toBe('2024-03-02T08:00:01.000Z');
    expect(ticket.updated_at).toBe('2024-03-02T08:00:01.000Z');
    const times = ticket.messages.map((m) => m.timestamp);
    expect(times).toEqual([...times].sort());
  });
});
