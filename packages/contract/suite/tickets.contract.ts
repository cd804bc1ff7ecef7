/**
 * Support tickets: the list with its filters, search and pages; opening a ticket (its description becomes the
 * first message); replying (201, and the ticket's updated_at moves to the reply); the conversation oldest first
 * and without internal notes.
 */
import { ticketStatusFilterValues, type Ticket } from '@customer-portal/sdk';
import { describe, expect, it } from 'vitest';
import { customer, needs, session } from '../src/runtime/suite.js';
import { isNewestFirst, runMark, tickets } from './support/lists.js';
import { answerOf, expectProblem } from './support/problems.js';
import { sampleCustomer } from './support/sample-world.js';

// Every status filter the contract names but `all`, with the status it keeps (`in-progress` keeps IN_PROGRESS).
const FILTERS = ticketStatusFilterValues.filter((s) => s !== 'all').map((s) => [s, s.toUpperCase().replace('-', '_')] as const);

async function openTicket(body: { subject: string; description: string; order_id?: string; priority?: Ticket['priority'] }): Promise<Ticket> {
  const { data, error, response } = await (await customer()).POST('/api/v1/customer/tickets', { body });
  if (!data) throw new Error(`opening a ticket answered ${response.status}: ${JSON.stringify(error)}`);
  expect(response.status).toBe(201);
  return data;
}

async function getTicket(ticketId: string) {
  return (await customer()).GET('/api/v1/customer/tickets/{ticket_id}', { params: { path: { ticket_id: ticketId } } });
}

describe('the ticket list', () => {
  it('lists the customer\u2019s tickets, and each one opens with its conversation', async () => {
    const { items } = await tickets(await customer());
    expect(items.length).toBeGreaterThan(0);
    const { data } = await getTicket(items[0]!.id);
    const { messages, ...summary } = data!;
    expect(summary).toEqual(items[0]);
    expect(messages.length).toBeGreaterThan(0);
  });

  needs('rules').it('is newest first, and X-Total-Count counts every ticket', async () => {
    const { items, total } = await tickets(await customer());
    expect(isNewestFirst(items, (t) => t.created_at)).toBe(true);
    expect(items.length).toBe(Math.min(total, 100));
  });

  needs('rules').each(FILTERS)('status=%s keeps only the %s tickets', async (filter, status) => {
    const ali = await customer();
    const all = await tickets(ali);
    const filtered = await tickets(ali, { status: filter });
    expect(filtered.items.map((t) => t.id)).toEqual(all.items.filter((t) => t.status === status).map((t) => t.id));
    expect(filtered.total).toBe(filtered.items.length);
  });

  needs('rules').it('status=all is the same as no filter, and the statuses add up to it', async () => {
    const ali = await customer();
    const all = await tickets(ali, { status: 'all' });
    expect(all).toEqual(await tickets(ali));
    let sum = 0;
    for (const [status] of FILTERS) sum += (await tickets(ali, { status, limit: 1 })).total;
    expect(sum).toBe(all.total);
  });

  needs('rules').it('search matches the subject or the id, case-insensitively', async () => {
    const ali = await customer();
    const [first] = (await tickets(ali)).items;
    const word = first!.subject.split(' ')[0]!.toUpperCase();
    const bySubject = await tickets(ali, { search: word });
    expect(bySubject.items.map((t) => t.id)).toContain(first!.id);
    expect(bySubject.items.every((t) => `${t.subject} ${t.id}`.toUpperCase().includes(word))).toBe(true);
    const byId = await tickets(ali, { search: first!.id.toLowerCase() });
    expect(byId.items.map((t) => t.id)).toContain(first!.id);
  });

  needs('rules').each([['%'], ['_']])('search treats %s as a literal character', async (character) => {
    const ali = await customer();
    const all = await tickets(ali);
    const found = await tickets(ali, { search: character });
    expect(found.items).toEqual(all.items.filter((t) => `${t.subject}${t.id}`.includes(character)));
  });

  needs('rules').it('limit and offset page through the same list, with the same X-Total-Count', async () => {
    const ali = await customer();
    const all = await tickets(ali);
    const first = await tickets(ali, { limit: 2, offset: 0 });
    const second = await tickets(ali, { limit: 2, offset: 2 });
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));
    expect([first.total, second.total]).toEqual([all.total, all.total]);
  });
});

describe('a conversation', () => {
  it('is oldest first and never shows an internal note', async () => {
    const [first] = (await tickets(await customer())).items;
    const { data } = await getTicket(first!.id);
    expect(isNewestFirst([...data!.messages].reverse(), (m) => m.timestamp)).toBe(true);
    expect(data!.messages.every((m) => m.is_internal === false)).toBe(true);
  });

  needs('rules').it('a ticket that does not exist is a 404 problem, to read or to reply to', async () => {
    const ali = await customer();
    const ticket_id = `TKT-NONE-${Date.now()}`;
    expectProblem(answerOf(await getTicket(ticket_id)), 404);
    const reply = await ali.POST('/api/v1/customer/tickets/{ticket_id}/messages', { params: { path: { ticket_id } }, body: { content: 'Hello?' } });
    expectProblem(answerOf(reply), 404);
  });
});

describe('opening a ticket and replying', () => {
  needs('stateful', 'rules').it('opens an OPEN, MEDIUM ticket whose first message is the description, from the customer', async () => {
    const ali = await customer();
    const { data: profile } = await ali.GET('/api/v1/customer/profile');
    const subject = `Contract suite ${runMark()}: where is my parcel?`;
    const ticket = await openTicket({ subject, description: 'It has not arrived yet.' });
    expect(ticket).toMatchObject({ subject, status: 'OPEN', priority: 'MEDIUM', order_id: null });
    expect(ticket.created_at).toBe(ticket.updated_at);
    expect(ticket.messages).toEqual([
      expect.objectContaining({ sender_id: profile!.id, sender_name: profile!.full_name, sender_type: 'customer', content: 'It has not arrived yet.', is_internal: false }),
    ]);
    const { data: read } = await getTicket(ticket.id);
    expect(read).toEqual(ticket);
    const [newest] = (await tickets(ali, { limit: 1 })).items;
    expect(newest?.id).toBe(ticket.id);
  });

  needs('stateful', 'rules').it('opens a ticket about one of the customer\u2019s orders, with a priority', async () => {
    const [order] = (await (await customer()).GET('/api/v1/customer/orders', { params: { query: { limit: 1 } } })).data!;
    const ticket = await openTicket({ subject: `Contract suite ${runMark()}: about an order`, description: 'A question.', order_id: order!.id, priority: 'HIGH' });
    expect(ticket).toMatchObject({ order_id: order!.id, priority: 'HIGH', status: 'OPEN' });
  });

  needs('rules').it('a ticket about an order that does not exist is a 404 problem', async () => {
    const result = await (await customer()).POST('/api/v1/customer/tickets', {
      body: { subject: 'About a missing order', description: 'Where is it?', order_id: `ORD-NONE-${Date.now()}` },
    });
    expectProblem(answerOf(result), 404);
  });

  needs('stateful', 'rules').it('a reply is a 201 message from the customer, last in the conversation', async () => {
    const ali = await customer();
    const ticket = await openTicket({ subject: `Contract suite ${runMark()}: a reply`, description: 'First.' });
    const { data: reply, response } = await ali.POST('/api/v1/customer/tickets/{ticket_id}/messages', {
      params: { path: { ticket_id: ticket.id } },
      body: { content: 'Second.' },
    });
    expect(response.status).toBe(201);
    expect(reply).toMatchObject({ sender_type: 'customer', content: 'Second.', is_internal: false });
    const { data: after } = await getTicket(ticket.id);
    expect(after!.messages.map((m) => m.content)).toEqual(['First.', 'Second.']);
    expect(after!.messages.at(-1)).toEqual(reply);
    expect(after!.updated_at).toBe(reply!.timestamp);
  });

  needs('stateful', 'rules').it('a reply to an older ticket moves its updated_at to the reply\u2019s timestamp', async () => {
    const ali = await customer();
    const oldest = (await tickets(ali)).items.at(-1)!;
    const { data: reply } = await ali.POST('/api/v1/customer/tickets/{ticket_id}/messages', {
      params: { path: { ticket_id: oldest.id } },
      body: { content: `Contract suite ${runMark()}: any news?` },
    });
    const { data: after } = await getTicket(oldest.id);
    expect(reply!.timestamp > oldest.updated_at).toBe(true);
    expect(after!.updated_at).toBe(reply!.timestamp);
    expect(after!.created_at).toBe(oldest.created_at);
  });
});

describe('the sample world', () => {
  needs('sample-world').it('TKT456 shows MSG1, MSG2 and MSG4: the internal note MSG3 is never returned', async () => {
    const { data } = await getTicket('TKT456');
    expect(data!.messages.map((m) => m.id)).toEqual(['MSG1', 'MSG2', 'MSG4']);
    expect(data!.messages[1]).toMatchObject({ sender_name: 'Priya Sharma', sender_type: 'agent' });
  });

  needs('sample-world').it('the filters that new tickets cannot change count the sample world\u2019s tickets', async () => {
    const { tickets: sample } = sampleCustomer(session().target.accounts[0].email);
    const ali = await customer();
    // The journeys only ever open tickets, which start OPEN: every other count is the fixtures'.
    for (const [filter, status] of FILTERS.filter(([, status]) => status !== 'OPEN')) {
      const { items } = await tickets(ali, { status: filter });
      expect(items.map((t) => t.id), status).toEqual(sample.filter((t) => t.status === status).map((t) => t.id));
    }
  });

  needs('sample-world').it('search "inquiry" finds TKT456, Product inquiry', async () => {
    const { items } = await tickets(await customer(), { search: 'inquiry' });
    expect(items.map((t) => [t.id, t.subject])).toContainEqual(['TKT456', 'Product inquiry']);
  });
});
