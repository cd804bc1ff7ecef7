import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALI, expectProblem, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn(ALI);
});
afterAll(() => server.stop());

const ids = (body: { id: string }[]) => body.map((t) => t.id);
const tickets = (query = '') => server.call(`/api/v1/customer/tickets${query}`, { token });
const ticket = (id: string) => server.call(`/api/v1/customer/tickets/${id}`, { token });

describe('GET /api/v1/customer/tickets', () => {
  it('lists the customer’s tickets newest first, without messages, and the count in X-Total-Count', async () => {
    const reply = await tickets();
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-total-count')).toBe('5');
    expect(ids(reply.body)).toEqual(['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']);
    expect(reply.body[0]).toEqual({
      id: 'TKT456',
      subject: 'Product inquiry',
      status: 'OPEN',
      priority: 'MEDIUM',
      order_id: 'ORD123',
      created_at: '2024-01-14T15:20:00Z',
      updated_at: '2024-01-14T16:30:00Z',
    });
  });

  it.each([
    ['in-progress', '?status=in-progress', ['TKT455']],
    ['in_progress, in any case', '?status=IN_Progress', ['TKT455']],
    ['resolved', '?status=resolved', ['TKT454', 'TKT452']],
    ['a subject substring, in any case', '?search=REFUND', ['TKT453']],
    ['an id substring', '?search=tkt45', ['TKT456', 'TKT455', 'TKT454', 'TKT453', 'TKT452']],
    ['% as a literal character', '?search=%25', []],
    ['status and search together', '?status=closed&search=mouse', ['TKT453']],
    ['a page', '?limit=2&offset=1', ['TKT455', 'TKT454']],
  ])('filters by %s', async (_name, query, expected) => {
    const reply = await tickets(query);
    expect(reply.status).toBe(200);
    expect(ids(reply.body)).toEqual(expected);
  });

  it('refuses an unknown status with a 422 naming it', async () => {
    const reply = await tickets('?status=pending');
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'query.status', message: 'Status must be one of all, open, in-progress, resolved, closed.' }]);
  });
});

describe('GET /api/v1/customer/tickets/{ticket_id}', () => {
  it('returns the conversation oldest first, with agents’ names, and never the internal note', async () => {
    const reply = await ticket('TKT456');
    expect(reply.status).toBe(200);
    expect(reply.body.messages.map((m: { id: string; sender_name: string }) => [m.id, m.sender_name])).toEqual([
      ['MSG1', 'Ali Jawad'],
      ['MSG2', 'Priya Sharma'],
      ['MSG4', 'Priya Sharma'],
    ]);
    expect(reply.body.messages.every((m: { is_internal: boolean }) => m.is_internal === false)).toBe(true);
    expect(reply.text).not.toContain('No escalation needed');
  });

  it('is a 404 for a ticket that does not exist', async () => {
    expectProblem(await ticket('TKT999'), 404, 'Ticket TKT999 was not found.');
  });
});

describe('POST /api/v1/customer/tickets', () => {
  it('opens a ticket, MEDIUM unless told, with the description as the customer’s first message', async () => {
    const reply = await server.call('/api/v1/customer/tickets', { token, json: { subject: 'Need help with my order', description: 'I have a question about delivery', order_id: 'ORD123' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: 'TKT457',
      subject: 'Need help with my order',
      status: 'OPEN',
      priority: 'MEDIUM',
      order_id: 'ORD123',
      created_at: expect.any(String),
      updated_at: reply.body.created_at,
      messages: [
        {
          id: 'MSG16',
          sender_id: 1,
          sender_name: 'Ali Jawad',
          sender_type: 'customer',
          content: 'I have a question about delivery',
          timestamp: reply.body.created_at,
          is_internal: false,
        },
      ],
    });
    expect((await ticket('TKT457')).body).toEqual(reply.body);
    expect(ids((await tickets()).body)[0]).toBe('TKT457');
  });

  it('keeps the priority given and allows no order', async () => {
    const reply = await server.call('/api/v1/customer/tickets', { token, json: { subject: 'Account', description: 'Change my email', priority: 'URGENT' } });
    expect(reply.body).toMatchObject({ id: 'TKT458', priority: 'URGENT', order_id: null });
  });

  it('is a 404 when the order is not the customer’s', async () => {
    const reply = await server.call('/api/v1/customer/tickets', { token, json: { subject: 'Vase', description: 'About ORD301', order_id: 'ORD301' } });
    expectProblem(reply, 404, 'Order ORD301 was not found.');
  });

  it.each([
    ['a blank subject', { subject: ' ', description: 'x' }, 'body.subject', 'Subject must not be blank.'],
    ['no description', { subject: 'x' }, 'body.description', 'Description is required.'],
    ['an unknown priority', { subject: 'x', description: 'y', priority: 'ASAP' }, 'body.priority', 'Priority must be one of LOW, MEDIUM, HIGH, URGENT.'],
    ['a status, which is not the customer’s to set', { subject: 'x', description: 'y', status: 'CLOSED' }, 'body.status', 'Status is not an accepted field.'],
  ])('refuses %s with a 422 naming the field', async (_name, json, location, message) => {
    const reply = await server.call('/api/v1/customer/tickets', { token, json });
    expectProblem(reply, 422);
    expect(reply.body.errors).toContainEqual({ location, message });
  });
});

describe('POST /api/v1/customer/tickets/{ticket_id}/messages', () => {
  it('adds the customer’s message and moves the ticket’s updated_at to it', async () => {
    const reply = await server.call('/api/v1/customer/tickets/TKT455/messages', { token, json: { content: 'Thank you for the quick response!' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^MSG\d+$/),
      sender_id: 1,
      sender_name: 'Ali Jawad',
      sender_type: 'customer',
      content: 'Thank you for the quick response!',
      timestamp: expect.any(String),
      is_internal: false,
    });
    const { body } = await ticket('TKT455');
    expect(body.updated_at).toBe(reply.body.timestamp);
    expect(body.messages.at(-1)).toEqual(reply.body);
  });

  it('is a 404 for a ticket that does not exist', async () => {
    expectProblem(await server.call('/api/v1/customer/tickets/TKT999/messages', { token, json: { content: 'Hello?' } }), 404, 'Ticket TKT999 was not found.');
  });

  it('refuses an empty message with a 422', async () => {
    const reply = await server.call('/api/v1/customer/tickets/TKT455/messages', { token, json: { content: '' } });
    expectProblem(reply, 422);
    expect(reply.body.errors).toEqual([{ location: 'body.content', message: 'Content must not be empty.' }]);
  });
});
