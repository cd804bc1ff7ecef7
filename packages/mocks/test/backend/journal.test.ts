/** The journal: every exchange the handlers answered, oldest first, as a test reads it, with secrets masked. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, MASKED } from '../../src/index.js';
import { setupPortalServer } from '../../src/node.js';
import { ALI, MOCK_URL, send, signedIn } from '../accounts.js';

const server = setupPortalServer({ baseUrl: MOCK_URL });
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetState());
afterAll(() => server.close());

describe('the journal', () => {
  it('keeps what the app sent and what it got, typed per operation', async () => {
    const ali = await signedIn(ALI);
    await ali.POST('/api/v1/customer/tickets', { body: { subject: 'Hi', description: 'Where is ORD123?' } });
    const [ticket] = server.journal('createTicket');
    expect(ticket!.request.body.subject).toBe('Hi');
    expect(ticket).toMatchObject({
      operationId: 'createTicket',
      method: 'POST',
      url: `${MOCK_URL}/api/v1/customer/tickets`,
      source: 'mocks',
      request: { path: {}, query: {}, body: { subject: 'Hi', description: 'Where is ORD123?' } },
      response: { status: 201, headers: { 'content-type': 'application/json' }, body: { subject: 'Hi', status: 'OPEN' } },
      error: null,
      breaches: [],
    });
    expect(Date.parse(ticket!.startedAt)).not.toBeNaN();
    expect(ticket!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('lists exchanges oldest first, with path parameters and query as sent', async () => {
    const ali = await signedIn(ALI);
    await ali.GET('/api/v1/customer/orders', { params: { query: { status: 'delivered', limit: 5 } } });
    await ali.GET('/api/v1/customer/orders/{order_id}', { params: { path: { order_id: 'ORD123' } } });
    expect(server.journal().map((e) => e.operationId)).toEqual(['login', 'listOrders', 'getOrder']);
    expect(server.journal('listOrders')[0]!.request.query).toEqual({ status: 'delivered', limit: '5' });
    expect(server.journal('GET /api/v1/customer/orders/{order_id}')[0]!.request.path).toEqual({ order_id: 'ORD123' });
  });

  it('keeps a request no route matched with operationId null, and a dropped connection with its sentence', async () => {
    const ali = await signedIn(ALI);
    expect((await send('/api/v1/customer/nowhere')).status).toBe(404);
    server.fault({ operation: 'getDashboard', networkError: true });
    await expect(ali.GET('/api/v1/customer/dashboard')).rejects.toThrow();
    const [unmatched, dropped] = server.journal().slice(1);
    expect([unmatched!.operationId, unmatched!.response?.status]).toEqual([null, 404]);
    expect([dropped!.operationId, dropped!.response, dropped!.error]).toEqual(['getDashboard', null, 'The connection failed before an answer (a network-error fault).']);
  });

  it('never holds a password or a token', async () => {
    const ali = await signedIn(ALI);
    const { data } = await ali.POST('/auth/login', { body: ALI! });
    const [login] = server.journal('login');
    expect(login!.request.body.password).toBe(MASKED);
    expect((login!.response?.body as { access_token: string }).access_token).toBe(MASKED);
    const everything = JSON.stringify(server.journal());
    expect(everything).not.toContain(ALI!.password);
    expect(everything).not.toContain(data!.access_token);
  });

  it('is emptied by clearJournal() and by resetState()', async () => {
    await signedIn(ALI);
    server.clearJournal();
    expect(server.journal()).toEqual([]);
    await signedIn(ALI);
    server.resetState();
    expect(server.journal()).toEqual([]);
  });

  it('keeps only the last journalLimit exchanges', async () => {
    const handlers = createHandlers({ baseUrl: 'http://limited.portal.test', journalLimit: 2 });
    server.use(...handlers);
    for (const path of ['/one', '/two', '/three']) await fetch(`http://limited.portal.test/api/v1/customer${path}`);
    expect(handlers.journal().map((e) => new URL(e.url).pathname)).toEqual(['/api/v1/customer/two', '/api/v1/customer/three']);
  });
});
