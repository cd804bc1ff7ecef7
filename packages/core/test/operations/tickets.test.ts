import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe('listTickets', () => {
  it.each([
    ['no filter', {}, ['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']],
    ['open', { status: 'open' }, ['TKT456']],
    ['in-progress means IN_PROGRESS', { status: 'in-progress' }, ['TKT455']],
    ['resolved', { status: 'resolved' }, ['TKT454', 'TKT452']],
    ['search by subject, any case', { search: 'REFUND' }, ['TKT453']],
    ['search by id', { search: 'tkt45' }, ['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']],
    ['a % is literal', { search: '%' }, []],
    ['status and search together', { status: 'closed', search: 'mouse' }, ['TKT453']],
  ])('%s', async (_name, query, ids) => {
    const { call } = portalUnderTest();
    const res = await call('listTickets', { query });
    expect(res.status).toBe(200);
    expect(res.body.map((t: { id: string }) => t.id)).toEqual(ids);
    expect(res.headers['X-Total-Count']).toBe(String(ids.length));
  });

  it('lists summaries, without the conversation', async () => {
    const { call } = portalUnderTest();
    const res = await call('listTickets');
    expect(res.body[0]).toEqual({
      id: 'TKT456',
      subject: 'Product inquiry',
      status: 'OPEN',
      priority: 'MEDIUM',
      order_id: 'ORD123',
      created_at: '2024-01-14T15:20:00Z',
      updated_at: '2024-01-14T16:30:00Z',
    });
  });

  it('pages with limit and offset, keeping the total', async () => {
    const { call } = portalUnderTest();
    const res = await call('listTickets', { query: { limit: '2', offset: '1' } });
    expect(res.body.map((t: { id: string }) => t.id)).toEqual(['TKT455', 'TKT454']);
    expect(res.headers['X-Total-Count']).toBe('5');
  });

  it.each([
    ['an unknown status', 'waiting'],
    ['an order status', 'pending'],
    ['a status as a ticket shows it', 'IN_PROGRESS'],
    ['in_progress, which is spelt in-progress', 'in_progress'],
  ])('rejects %s with a 422 naming the filters', async (_name, status) => {
    const { call } = portalUnderTest();
    const res = await call('listTickets', { query: { status } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'query.status', message: 'must be one of all, open, in-progress, resolved, closed' }]);
  });
});

describe('getTicket', () => {
  it('reads as a conversation, oldest first, with agents named and internal notes left out', async () => {
    const { call } = portalUnderTest();
    const res = await call('getTicket', { path: { ticket_id: 'TKT456' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'TKT456', subject: 'Product inquiry', status: 'OPEN', priority: 'MEDIUM' });
    expect(res.body.messages.map((m: { id: string }) => m.id)).toEqual(['MSG1', 'MSG2', 'MSG4']);
    expect(res.body.messages[0]).toEqual({
      id: 'MSG1',
      sender_id: 1,
      sender_name: 'Ali Jawad',
      sender_type: 'customer',
      content: 'I need help with my order',
      timestamp: '2024-01-14T15:20:00Z',
      is_internal: false,
    });
    expect(res.body.messages[1]).toMatchObject({ sender_type: 'agent', sender_name: 'Priya Sharma' });
    expect(JSON.stringify(res.body)).not.toContain('No escalation needed');
  });

  it("answers another customer's ticket, or a missing one, with a 404", async () => {
    const { call } = portalUnderTest();
    expect((await call('getTicket', { path: { ticket_id: 'TKT999' } })).body.detail).toBe('Ticket TKT999 was not found.');
    expect((await call('getTicket', { path: { ticket_id: 'TKT302' } })).status).toBe(404);
    expect((await call('getTicket', { path: { ticket_id: 'TKT302' }, authorization: SARA })).status).toBe(200);
  });
});

describe('createTicket', () => {
  it('opens a MEDIUM ticket whose first message is the description', async () => {
    const { call } = portalUnderTest({ now: () => '2024-01-16T09:00:00.000Z' });
    const res = await call('createTicket', {
      body: { subject: 'Need help with my order', description: 'I have a question about delivery', order_id: 'ORD123' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 'TKT457',
      subject: 'Need help with my order',
      status: 'OPEN',
      priority: 'MEDIUM',
      order_id: 'ORD123',
      created_at: '2024-01-16T09:00:00.000Z',
      updated_at: '2024-01-16T09:00:00.000Z',
      messages: [
        {
          id: 'MSG16',
          sender_id: 1,
          sender_name: 'Ali Jawad',
          sender_type: 'customer',
          content: 'I have a question about delivery',
          timestamp: '2024-01-16T09:00:00.000Z',
          is_internal: false,
        },
      ],
    });
    expect((await call('getTicket', { path: { ticket_id: 'TKT457' } })).body).toEqual(res.body);
    const list = await call('listTickets');
    expect(list.body[0].id).toBe('TKT457');
    const dashboard = await call('getDashboard');
    expect(dashboard.body.stats.open_tickets).toBe(3);
  });

  it('keeps the priority given, and needs no order', async () => {
    const { call } = portalUnderTest();
    const res = await call('createTicket', { body: { subject: 'Account', description: 'Change my email', priority: 'URGENT' } });
    expect(res.body).toMatchObject({ id: 'TKT457', priority: 'URGENT', order_id: null });
  });

  it("answers an order_id that is not the customer's with a 404", async () => {
    const { call } = portalUnderTest();
    const res = await call('createTicket', { body: { subject: 'Hi', description: 'About ORD301', order_id: 'ORD301' } });
    expect(res.status).toBe(404);
    expect((await call('listTickets')).headers['X-Total-Count']).toBe('5');
  });

  it.each([
    ['an empty subject', { subject: '', description: 'x' }, 'body.subject'],
    ['a blank subject', { subject: ' ', description: 'x' }, 'body.subject'],
    ['no description', { subject: 'x' }, 'body.description'],
    ['a subject over 200 characters', { subject: 'x'.repeat(201), description: 'x' }, 'body.subject'],
    ['an unknown priority', { subject: 'x', description: 'x', priority: 'CRITICAL' }, 'body.priority'],
    ['a status, which is not the client to set', { subject: 'x', description: 'x', status: 'RESOLVED' }, 'body.status'],
  ])('rejects %s', async (_name, body, location) => {
    const { call } = portalUnderTest();
    const res = await call('createTicket', { body });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { location: string }) => e.location)).toEqual([location]);
  });
});

describe('addTicketMessage', () => {
  it("adds the customer's message and moves the ticket's updated_at", async () => {
    const now = '2024-01-16T09:05:00.000Z';
    const { call } = portalUnderTest({ now: () => now });
    const res = await call('addTicketMessage', { path: { ticket_id: 'TKT456' }, body: { content: 'Thank you for the quick response!' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 'MSG16',
      sender_id: 1,
      sender_name: 'Ali Jawad',
      sender_type: 'customer',
      content: 'Thank you for the quick response!',
      timestamp: now,
      is_internal: false,
    });
    const ticket = await call('getTicket', { path: { ticket_id: 'TKT456' } });
    expect(ticket.body.updated_at).toBe(now);
    expect(ticket.body.messages.at(-1).id).toBe('MSG16');
  });

  it("refuses a message on another customer's ticket, or a missing one, with a 404, leaving it untouched", async () => {
    const { call } = portalUnderTest();
    expect((await call('addTicketMessage', { path: { ticket_id: 'TKT999' }, body: { content: 'Hello?' } })).body.detail).toBe('Ticket TKT999 was not found.');
    const res = await call('addTicketMessage', { path: { ticket_id: 'TKT302' }, body: { content: 'hello' } });
    expect(res.status).toBe(404);
    const theirs = await call('getTicket', { path: { ticket_id: 'TKT302' }, authorization: SARA });
    expect(theirs.body.messages).toHaveLength(1);
  });

  it.each([
    ['a blank message', ' \n ', 'must not be blank'],
    ['an empty message', '', 'must NOT have fewer than 1 characters'],
  ])('rejects %s', async (_name, content, message) => {
    const { call } = portalUnderTest();
    const res = await call('addTicketMessage', { path: { ticket_id: 'TKT456' }, body: { content } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'body.content', message }]);
  });
});
