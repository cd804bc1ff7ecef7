import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { newCustomer } from './worlds.ts';

export default { title: 'Pages/Orders' } satisfies Meta;

export const Default = pageStory('/orders');
export const NoOrders = pageStory('/orders', { world: newCustomer });
export const Loading = pageStory('/orders', { faults: [{ operation: 'listOrders', latency: stillLoading }] });
export const ApiDown = pageStory('/orders', { faults: [{ operation: 'listOrders', networkError: true }] });
export const DownForMaintenance = pageStory('/orders', {
  faults: [{ operation: 'listOrders', status: 503, detail: 'Orders are back at 06:00.' }],
});
// The page and the filter are in the address, as a shared link would carry them.
export const SecondPage = pageStory('/orders?page=2');
export const DeliveredOnly = pageStory('/orders?status=delivered');
