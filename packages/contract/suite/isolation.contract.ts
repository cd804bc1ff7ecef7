/**
 * Isolation between two customers: each sees only their own data, and the other's order, ticket or
 * notification is a 404 exactly like one that does not exist (never a 403, which would confirm it exists).
 */
import type { PortalClient } from '@customer-portal/sdk';
import { describe, expect } from 'vitest';
import { customer, needs } from '../src/runtime/suite.js';
import { notifications, orders, runMark, tickets } from './support/lists.js';
import { answerOf, expectProblem } from './support/problems.js';

const ids = async (list: typeof orders | typeof tickets | typeof notifications, portal: PortalClient) =>
  (await list(portal)).items.map((item) => String(item.id));

/** What the second customer has, to try with the first customer's token. */
async function theirs() {
  const sara = await customer(1);
  const [order] = (await orders(sara)).items;
  const [ticket] = (await tickets(sara)).items;
  const [notification] = (await notifications(sara)).items;
  if (!order || !ticket || !notification) throw new Error('Precondition: the second customer needs an order, a ticket and a notification.');
  return { order, ticket, notification };
}

describe('two customers', () => {
  needs('isolation').it('have no order, ticket or notification in common', async () => {
    const [ali, sara] = [await customer(0), await customer(1)];
    for (const list of [orders, tickets, notifications]) {
      const mine = await ids(list, ali);
      const hers = await ids(list, sara);
      expect(mine.filter((id) => hers.includes(id))).toEqual([]);
    }
  });

  needs('isolation').it('each profile is the signed-in customer\u2019s own', async () => {
    const ali = (await (await customer(0)).GET('/api/v1/customer/profile')).data!;
    const sara = (await (await customer(1)).GET('/api/v1/customer/profile')).data!;
    expect(ali.id).not.toBe(sara.id);
    expect(ali.email).not.toBe(sara.email);
  });
});

describe('the other customer\u2019s data is a 404, as if it did not exist', () => {
  needs('isolation').it('their order, to read, to track or to return', async () => {
    const ali = await customer(0);
    const { order } = await theirs();
    const path = { order_id: order.id };
    expectProblem(answerOf(await ali.GET('/api/v1/customer/orders/{order_id}', { params: { path } })), 404);
    expectProblem(answerOf(await ali.GET('/api/v1/customer/orders/track/{order_id}', { params: { path } })), 404);
    const returned = await ali.POST('/api/v1/customer/orders/return', { body: { order_id: order.id, items: [order.items[0]!.product_name], reason: 'Not mine' } });
    expectProblem(answerOf(returned), 404);
    const aboutIt = await ali.POST('/api/v1/customer/tickets', { body: { subject: 'Someone else\u2019s order', description: 'Hm.', order_id: order.id } });
    expectProblem(answerOf(aboutIt), 404);
  });

  needs('isolation').it('their ticket, to read or to reply to, and the reply is not added', async () => {
    const [ali, sara] = [await customer(0), await customer(1)];
    const { ticket } = await theirs();
    const path = { ticket_id: ticket.id };
    const before = (await sara.GET('/api/v1/customer/tickets/{ticket_id}', { params: { path } })).data!;
    expectProblem(answerOf(await ali.GET('/api/v1/customer/tickets/{ticket_id}', { params: { path } })), 404);
    const reply = await ali.POST('/api/v1/customer/tickets/{ticket_id}/messages', { params: { path }, body: { content: 'Not mine' } });
    expectProblem(answerOf(reply), 404);
    expect((await sara.GET('/api/v1/customer/tickets/{ticket_id}', { params: { path } })).data).toEqual(before);
  });

  needs('isolation').it('their notification, which stays as it was for them', async () => {
    const [ali, sara] = [await customer(0), await customer(1)];
    const { notification } = await theirs();
    const marked = await ali.PUT('/api/v1/customer/notifications/{notification_id}/read', { params: { path: { notification_id: notification.id } } });
    expectProblem(answerOf(marked), 404);
    const [after] = (await notifications(sara)).items;
    expect(after).toEqual(notification);
  });
});

describe('writes stay with their customer', () => {
  needs('isolation', 'stateful').it('a ticket the first customer opens is not in the second one\u2019s list, dashboard or reach', async () => {
    const [ali, sara] = [await customer(0), await customer(1)];
    const before = (await sara.GET('/api/v1/customer/dashboard')).data!;
    const { data: ticket } = await ali.POST('/api/v1/customer/tickets', { body: { subject: `Contract suite ${runMark()}: mine`, description: 'Only mine.' } });
    expect((await tickets(sara, { search: ticket!.id })).items).toEqual([]);
    expect((await sara.GET('/api/v1/customer/dashboard')).data).toEqual(before);
    expectProblem(answerOf(await sara.GET('/api/v1/customer/tickets/{ticket_id}', { params: { path: { ticket_id: ticket!.id } } })), 404);
  });
});
