// The SDK used as the contract allows: this compiles (misuse/sdk.ts holds the calls that must not).
import { createPortalClient, type CreateTicketRequest, type Order } from '@customer-portal/sdk';

const portal = createPortalClient({ baseUrl: 'http://localhost:3000' });

export async function ordersAndTickets(): Promise<Order[]> {
  const { data: orders } = await portal.GET('/api/v1/customer/orders', { params: { query: { status: 'delivered', limit: 5 } } });
  const ticket: CreateTicketRequest = { subject: 'Where is my parcel?', description: 'It was due on Monday.' };
  await portal.POST('/api/v1/customer/tickets', { body: ticket });

  return orders ?? [];
}
