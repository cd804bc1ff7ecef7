// Calls the contract does not allow: each line marked `expect:` must fail to compile with that message
// (test/consumer/run.mjs checks the compiler's output line by line).
import { createPortalClient } from '@customer-portal/sdk';

const portal = createPortalClient({ baseUrl: 'http://localhost:3000' });

export async function misuse(): Promise<void> {
  await portal.GET('/api/v1/customer/order', {}); // expect: Argument of type '"/api/v1/customer/order"' is not assignable
  await portal.POST('/api/v1/customer/tickets', { body: { subject: 'No description' } }); // expect: Property 'description' is missing
  await portal.GET('/api/v1/customer/orders', { params: { query: { status: 'deliverd' } } }); // expect: Type '"deliverd"' is not assignable
}
