/** Compile-time guarantees of the SDK: the contract's mistakes are type errors, not runtime surprises. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createPortalClient,
  orderStatusFilterValues,
  ticketStatusFilterValues,
  type Order,
  type OrderStatusFilter,
  type Problem,
  type Ticket,
  type TicketStatusFilter,
} from '../src/index.js';

const client = createPortalClient({ baseUrl: 'http://api.test' });

describe('the typed client', () => {
  it('types a list response as the spec says', async () => {
    const { data, error } = await client.GET('/api/v1/customer/orders');
    expectTypeOf(data).toEqualTypeOf<Order[] | undefined>();
    expectTypeOf(error).toMatchTypeOf<Problem | undefined>();
  });

  it('types a created ticket, opened without the priority that has a default', async () => {
    const { data } = await client.POST('/api/v1/customer/tickets', {
      body: { subject: 'Where is my parcel?', description: 'It has not arrived.' },
    });
    expectTypeOf(data).toEqualTypeOf<Ticket | undefined>();
  });

  it('rejects a path that is not in the contract', () => {
    // @ts-expect-error: no such path in openapi.yaml
    void client.GET('/api/v1/customer/invoices');
  });

  it('rejects a wrong query value', () => {
    // @ts-expect-error: limit is a number
    void client.GET('/api/v1/customer/orders', { params: { query: { limit: 'ten' } } });
  });

  it('takes an order status filter from the contract', () => {
    expectTypeOf<OrderStatusFilter>().toEqualTypeOf<'all' | 'pending' | 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'returned'>();
    expectTypeOf(orderStatusFilterValues).toEqualTypeOf<readonly OrderStatusFilter[]>();
    void client.GET('/api/v1/customer/orders', { params: { query: { status: 'delivered' } } });
  });

  it('rejects a misspelt order status filter', () => {
    // @ts-expect-error: 'shiped' is not an order status
    void client.GET('/api/v1/customer/orders', { params: { query: { status: 'shiped' } } });
  });

  it('takes a ticket status filter from the contract', () => {
    expectTypeOf<TicketStatusFilter>().toEqualTypeOf<'all' | 'open' | 'in-progress' | 'resolved' | 'closed'>();
    expectTypeOf(ticketStatusFilterValues).toEqualTypeOf<readonly TicketStatusFilter[]>();
    void client.GET('/api/v1/customer/tickets', { params: { query: { status: 'in-progress' } } });
  });

  it('rejects an order status as a ticket filter', () => {
    // @ts-expect-error: 'pending' is an order status, not a ticket status
    void client.GET('/api/v1/customer/tickets', { params: { query: { status: 'pending' } } });
  });

  it('rejects a body without a required field', () => {
    // @ts-expect-error: description is required
    void client.POST('/api/v1/customer/tickets', { body: { subject: 'No description' } });
  });

  it('rejects a value outside an enum', () => {
    // @ts-expect-error: theme is light, dark or system
    void client.PUT('/api/v1/customer/settings', { body: { general: { theme: 'blue' } } });
  });

  it('requires the path parameter of a detail route', () => {
    // @ts-expect-error: order_id is missing
    void client.GET('/api/v1/customer/orders/{order_id}', { params: { path: {} } });
  });
});
