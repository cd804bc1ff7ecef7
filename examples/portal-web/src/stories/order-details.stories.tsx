import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { orderIn, storyOrder } from './worlds.ts';

export default { title: 'Pages/Order details' } satisfies Meta;

const order = `/orders/${storyOrder}`;

export const DeliveredAndReturnable = pageStory(order, { world: orderIn('DELIVERED') });
export const OnItsWay = pageStory(order, { world: orderIn('SHIPPED') });
export const BeingPrepared = pageStory(order, { world: orderIn('PROCESSING') });
export const Cancelled = pageStory(order, { world: orderIn('CANCELLED') });
export const AlreadyReturned = pageStory(order, { world: orderIn('RETURNED') });
export const NotFound = pageStory('/orders/ORD999');
export const Loading = pageStory(order, { world: orderIn('DELIVERED'), faults: [{ operation: 'getOrder', latency: stillLoading }] });
export const ApiDown = pageStory(order, { world: orderIn('DELIVERED'), faults: [{ operation: 'getOrder', networkError: true }] });
