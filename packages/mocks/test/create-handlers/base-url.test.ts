import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/create-handlers.js';
import { handlers } from '../../src/index.js';
import { ALI, send } from '../accounts.js';

describe('base URLs', () => {
  const alpha = createHandlers({ baseUrl: 'http://alpha.test' });
  const beta = createHandlers({ baseUrl: 'http://beta.test/portal' });
  // Answers whatever no portal handler took, so a test can tell "not matched" from "matched".
  const unmatched = http.all('*', () => new HttpResponse('not mocked', { status: 599 }));
  const server = setupServer(...alpha, ...beta, unmatched);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    alpha.reset();
    beta.reset();
  });
  afterAll(() => server.close());

  const login = { method: 'POST', body: JSON.stringify(ALI) };

  it('answers only under its own base URL', async () => {
    expect((await send('/auth/login', login, 'http://alpha.test')).status).toBe(200);
    expect((await send('/portal/auth/login', login, 'http://beta.test')).status).toBe(200);
    expect((await send('/auth/login', login, 'http://beta.test')).status).toBe(599);
    expect((await send('/auth/login', login, 'http://gamma.test')).status).toBe(599);
  });

  it('keeps each handler set its own world and its own tokens', async () => {
    const token = (await (await send('/auth/login', login, 'http://alpha.test')).json()).access_token;
    const created = await send('/api/v1/customer/tickets', { method: 'POST', token, body: JSON.stringify({ subject: 'Alpha', description: 'Only here.' }) }, 'http://alpha.test');
    expect(created.status).toBe(201);
    expect((await send('/portal/api/v1/customer/tickets', { token }, 'http://beta.test')).status).toBe(401);
  });

  it('matches the API paths on any origin by default (`handlers`), leaving other paths alone', async () => {
    server.use(...handlers);
    try {
      for (const origin of ['http://localhost:5173', 'https://api.example.com']) {
        expect((await send('/auth/login', login, origin)).status).toBe(200);
      }
      expect((await send('/assets/logo.svg', {}, 'http://localhost:5173')).status).toBe(599);
    } finally {
      server.resetHandlers();
    }
  });
});
