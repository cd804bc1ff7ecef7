/** A world's checks name the record and the field of every breach of the contract or of a rule between records. */
import { describe, expect, it } from 'vitest';
import { checkWorld, sampleWorld, type SampleWorld } from '../src/index.js';

type Change = (w: SampleWorld) => void;

const byId = <T extends { id: unknown }>(rows: T[], id: unknown) => rows.find((r) => r.id === id)!;

describe('checkWorld', () => {
  it('finds nothing wrong with the sample world', () => {
    expect(checkWorld(sampleWorld())).toEqual([]);
  });

  it.each<[string, Change, { record: string; field: string; message: RegExp }]>([
    ['a field the contract types otherwise', (w) => void (w.orders[0]!.total = 'free' as never), { record: 'orders[0] (ORD123)', field: 'total', message: /must be a number/ }],
    ['a customer without a password', (w) => void (w.customers[1]!.password = ''), { record: 'customers[1] (sara.khan@example.com)', field: 'password', message: /non-empty/ }],
    ['two customers with one email', (w) => void (w.customers[1]!.email = 'ALI.JAWAD@example.com'), { record: 'customers[1] (ali.jawad@example.com)', field: 'email', message: /repeats/ }],
    ['an order of nobody', (w) => void (w.orders[0]!.customer_id = 9), { record: 'orders[0] (ORD123)', field: 'customer_id', message: /9, which is not a customer/ }],
    ['a subtotal that is not quantity × price', (w) => void (w.orders[1]!.items[0]!.subtotal = 40), { record: 'orders[1] (ORD122)', field: 'items[0].subtotal', message: /39\.98/ }],
    ['a total that is not the sum of its items', (w) => void (w.orders[0]!.total = 1), { record: 'orders[0] (ORD123)', field: 'total', message: /299\.99/ }],
    ['a return of an order that is not there', (w) => void (w.returns[0]!.order_id = 'ORD999'), { record: 'returns[0] (RET1)', field: 'order_id', message: /ORD999, which is not an order/ }],
    ['a return of a shipped order', (w) => void (w.returns[0]!.order_id = 'ORD123'), { record: 'returns[0] (RET1)', field: 'order_id', message: /SHIPPED: only delivered or returned/ }],
    ['a return of an item the order does not have', (w) => void (w.returns[0]!.items = ['Toaster']), { record: 'returns[0] (RET1)', field: 'items[0]', message: /"Toaster", which is not an item of ORD114/ }],
    [
      'a second return of one item',
      (w) => void w.returns.push({ ...byId(w.returns, 'RET3'), id: 'RET9' }),
      { record: 'returns[4] (RET9)', field: 'items[0]', message: /again \(returns\[2\] has it\): one return per item/ },
    ],
    ['a return before its order', (w) => void (w.returns[0]!.created_at = '2020-01-01T00:00:00Z'), { record: 'returns[0] (RET1)', field: 'created_at', message: /before its order/ }],
    ['a message before its ticket', (w) => void (w.tickets[0]!.messages[1]!.timestamp = '2024-01-01T00:00:00Z'), { record: 'tickets[0] (TKT456)', field: 'messages[1].timestamp', message: /before the ticket was opened/ }],
    ["a customer's message from someone else", (w) => void (w.tickets[0]!.messages[0]!.sender_id = 2), { record: 'tickets[0] (TKT456)', field: 'messages[0].sender_id', message: /ticket's customer \(1\)/ }],
    ["a ticket about another customer's order", (w) => void (w.tickets[0]!.order_id = 'ORD301'), { record: 'tickets[0] (TKT456)', field: 'order_id', message: /ORD301 of customer 2/ }],
    ['two tickets with one id', (w) => void (w.tickets[1]!.id = 'TKT456'), { record: 'tickets[1] (TKT456)', field: 'id', message: /repeats the id of tickets\[0\]/ }],
    ["a notification naming another customer's order", (w) => void (w.notifications[0]!.message = 'Your order ORD301 has been shipped'), { record: 'notifications[0] (1)', field: 'message', message: /ORD301, an order of customer 2/ }],
  ])('names the record and the field: %s', (_rule, change, want) => {
    const world = sampleWorld();
    change(world);
    expect(checkWorld(world)).toContainEqual({ record: want.record, field: want.field, message: expect.stringMatching(want.message) });
  });

  it('says which list is missing instead of failing on it', () => {
    const { tickets: _t, ...world } = sampleWorld();
    expect(checkWorld(world as SampleWorld)).toEqual([{ record: 'tickets', field: 'the record', message: 'must be a list of records' }]);
  });
});
