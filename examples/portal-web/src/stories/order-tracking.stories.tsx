import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { orderIn, storyOrder } from './worlds.ts';

export default { title: 'Pages/Order tracking' } satisfies Meta;

const tracking = `/orders/${storyOrder}/tracking`;

export const OnItsWay = pageStory(tracking, { world: orderIn('SHIPPED') });
export const NotShippedYet = pageStory(tracking, { world: orderIn('PENDING') });
export const Delivered = pageStory(tracking, { world: orderIn('DELIVERED') });
export const Loading = pageStory(tracking, { world: orderIn('SHIPPED'), faults: [{ operation: 'trackOrder', latency: stillLoading }] });
export const ApiDown = pageStory(tracking, { world: orderIn('SHIPPED'), faults: [{ operation: 'trackOrder', networkError: true }] });
