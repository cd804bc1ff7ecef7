import { describe, expect, it } from 'vitest';
import { portalUnderTest, SARA } from '../portal-under-test.js';

describe('listTickets', () => {
  it.each([
    ['no filter', {}, ['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']],
    ['open', { status: 'open' }, ['TKT456']],
    ['in-progress means IN_PROGRESS', { status: 'in-progress' }, ['TKT455']],
    ['IN_PROGRESS', { status: 'IN_PROGRESS' }, ['TKT455']],
    ['Resolved, mixed case', { status: 'Resolved' }, ['TKT454', 'TKT452']],
    ['search by subject, any case', { search: 'REFUND' }, ['TKT453']],
    ['search by id', { search: 'tkt45' }, ['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']],
    ['a % is literal', { search: '%' }, []],
  ])('%s', async (_name, query, ids) => {
    const { call } = portalUnderTest();
    const res = await call('listTickets', { query });
    expect(res.status).toBe(200);
    expect(res.body.map((t: { id: string }) => t.id)).toEqual(ids);
    expect(res.headers['X-Total-Count']).toBe(String(ids.length));
  });

  it('rejects an unknown status with a 422', async () => {
    const { call } = portalUnderTest();
    const res = await call('listTickets', { query: { status: 'waiting' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'query.status', message: 'Status must be one of all, open, in-progress, resolved, closed.' }]);
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

  it("answers another customer's ticket with a 404", async () => {
    const { call } = portalUnderTest();
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
    expect(res.body).toMatchObject({ id: 'TKT457', status: 'OPEN', priority: 'MEDIUM', order_id: 'ORD123' });
    expect(res.body.messages).toEqual([
      expect.objectContaining({ sender_id: 1, sender_name: 'Ali Jawad', content: 'I have a question about delivery' }),
    ]);
    const list = await call('listTickets');
    expect(list.body[0].id).toBe('TKT457');
    const dashboard = await call('getDashboard');
    expect(dashboard.body.stats.open_tickets).toBe(3);
  });

  it("answers an order_id that is not the customer's with a 404", async () => {
    const { call } = portalUnderTest();
    const res = await call('createTicket', { body: { subject: 'Hi', description: 'About ORD301', order_id: 'ORD301' } });
    expect(res.status).toBe(404);
    expect((await call('listTickets')).headers['X-Total-Count']).toBe('5');
  });

  it.each([
    ['an empty subject', { subject: '', description: 'x' }, 'body.subject'],
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

  it("refuses a message on another customer's ticket with a 404, leaving it untouched", async () => {
    const { call } = portalUnderTest();
    const res = await call('addTicketMessage', { path: { ticket_id: 'TKT302' }, body: { content: 'hello' } });
    expect(res.status).toBe(404);
    const theirs = await call('getTicket', { path: { ticket_id: 'TKT302' }, authorization: SARA });
    expect(theirs.body.messages).toHaveLength(1);
  });

  it('rejects a blank message', async () => {
    const { call } = portalUnderTest();
    const res = await call('addTicketMessage', { path: { ticket_id: 'TKT456' }, body: { content: ' \n ' } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ location: 'body.content', message: 'Content must not be blank.' }]);
  });
});
