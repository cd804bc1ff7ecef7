/** What the panel's journal rows say, from the exchange alone (the rows themselves are driven in Chromium). */
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/index.js';
import { exchangeCells } from '../../src/panel.js';

const base: Exchange = {
  operationId: 'listOrders',
  method: 'GET',
  url: 'http://localhost:5173/api/v1/customer/orders',
  source: 'backend',
  request: { path: {}, query: {}, body: undefined },
  response: { status: 200, headers: {}, body: [] },
  error: null,
  breaches: [],
  startedAt: '2026-12-07T09:00:00.000Z',
  durationMs: 12.4,
};

describe('a row of the panel’s journal', () => {
  it.each<[string, Partial<Exchange>, string[]]>([
    ['an answer', {}, ['listOrders', 'backend', '200', '12 ms']],
    ['a breach of the contract, marked with their count', { breaches: [{ location: 'response.body.0.total', message: 'Total must be a number.' }, { location: 'response.body.0.id', message: 'ID is required.' }] }, ['listOrders', 'backend', '200 ⚠ 2 breaches', '12 ms']],
    ['no answer', { response: null, error: 'The backend could not be reached.' }, ['listOrders', 'backend', 'no answer', '12 ms']],
    ['no route, by method and path', { operationId: null, method: 'DELETE', source: 'mocks', response: { status: 405, headers: {}, body: {} } }, ['DELETE /api/v1/customer/orders', 'mocks', '405', '12 ms']],
  ])('shows %s', (_name, change, cells) => {
    expect(exchangeCells({ ...base, ...change })).toEqual(cells);
  });
});
