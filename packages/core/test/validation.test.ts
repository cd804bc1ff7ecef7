/**
 * Response checks: every response is checked as it is, each time (nothing is remembered between calls), and
 * formats are checked by their shape, which is what catches a host that writes a date the wrong way.
 */
import { describe, expect, it } from 'vitest';
import { createContractValidator, createMemoryStore, type Order } from '../src/index.js';

const validator = createContractValidator();
const headers = { 'Content-Type': 'application/json', 'X-Total-Count': '12' };

async function ordersOfAli(): Promise<Order[]> {
  return (await createMemoryStore().listOrders(1, { limit: 50, offset: 0 })).items;
}

describe('response checks', () => {
  it('check a page again after it changed, though the same page passed before', async () => {
    const orders = await ordersOfAli();
    expect(validator.checkResponse('listOrders', 200, headers, orders)).toEqual([]);
    (orders[0] as { total: unknown }).total = 'free';
    expect(validator.checkResponse('listOrders', 200, headers, orders)).toEqual([{ location: 'response.body.0.total', message: 'Total must be a number.' }]);
  });

  it('refuse a date-time that is not written as RFC 3339', async () => {
    const orders = await ordersOfAli();
    (orders[0] as { created_at: string }).created_at = '10/01/2024 10:00';
    const [error] = validator.checkResponse('listOrders', 200, headers, orders);
    expect(error?.location).toBe('response.body.0.created_at');
  });

  it('check the headers of every response', async () => {
    const orders = await ordersOfAli();
    expect(validator.checkResponse('listOrders', 200, { 'Content-Type': 'application/json' }, orders)).toEqual([
      { location: 'response.headers.X-Total-Count', message: 'The X-Total-Count header is required.' },
    ]);
  });

  it('check an error response against its status in each operation, though another passed with the same schema', () => {
    const notFound = { type: 'https://customer-portal.example.com/problems/not-found', title: 'Not found', status: 404, detail: 'There is no order ORD1.' };
    const problemHeaders = { 'Content-Type': 'application/problem+json' };
    expect(validator.checkResponse('getOrder', 404, problemHeaders, notFound)).toEqual([]);
    const { detail: _, ...withoutDetail } = notFound;
    expect(validator.checkResponse('getTicket', 404, problemHeaders, withoutDetail)).toEqual([{ location: 'response.body.detail', message: 'Detail is required.' }]);
    expect(validator.checkResponse('listOrders', 401, problemHeaders, { ...notFound, status: 401, title: 'Unauthorized' })).toEqual([
      { location: 'response.headers.WWW-Authenticate', message: 'The WWW-Authenticate header is required.' },
    ]);
  });

  it('check a value against the schema of the operation it answers', async () => {
    const orders = await ordersOfAli();
    expect(validator.checkResponse('getOrder', 200, headers, orders)).not.toEqual([]);
  });
});
