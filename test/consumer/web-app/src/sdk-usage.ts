// The SDK's types follow the contract: each @ts-expect-error line must fail to compile, or tsc reports the
// directive as unused and the consumer test fails.
import { createPortalClient, type CreateTicketRequest, type Order } from '@customer-portal/sdk';

const portal = createPortalClient({ baseUrl: 'http://localhost:3000' });

export async function ordersAndTickets(): Promise<Order[]> {
  const { data: orders } = await portal.GET('/api/v1/customer/orders', { params: { query: { status: 'delivered', limit: 5 } } });
  const ticket: CreateTicketRequest = { subject: 'Where is my parcel?', description: 'It was due on Monday.' };
  await portal.POST('/api/v1/customer/tickets', { body: ticket });

  // @ts-expect-error a path the contract does not have
  await portal.GET('/api/v1/customer/order');
  // @ts-expect-error a ticket needs a description
  await portal.POST('/api/v1/customer/tickets', { body: { subject: 'No description' } });

  return orders ?? [];
}
