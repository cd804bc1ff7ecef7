import { generateWorld, type SampleWorld } from '@customer-portal/mocks';
import type { Meta } from '@storybook/react-vite';
import { pageStory } from './story-kit.tsx';

export default { title: 'Worlds/Generated' } satisfies Meta;

/**
 * A customer of a generated world (seed 300) with three hundred orders, which the API hands out a page at a
 * time: `customer-portal-world generate --seed 300 --customers 1 --orders-per-customer 300..300` writes the
 * same world to a file. The customer signs in as the stories do, with Ali's email and password.
 */
function customerWith300Orders(): SampleWorld {
  const world = generateWorld({ seed: 300, customers: 1, ordersPerCustomer: [300, 300] });
  const [customer] = world.customers;
  return { ...world, customers: [{ ...customer!, email: 'ali.jawad@example.com', password: 'customer123' }] };
}

export const ThreeHundredOrders = pageStory('/orders', { world: customerWith300Orders });
// The last of thirty pages of ten, as a shared link would open it.
export const ThreeHundredOrdersLastPage = pageStory('/orders?page=30', { world: customerWith300Orders });
