import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Order details' } satisfies Meta;

export const Delivered = pageStory('#/orders/ORD118');
export const ShippedNotYetReturnable = pageStory('#/orders/ORD123');
export const Cancelled = pageStory('#/orders/ORD120');
export const NotFound = pageStory('#/orders/ORD999');
export const Loading = pageStory('#/orders/ORD118', { overrides: [neverAnswering('get', '/api/v1/customer/orders/:id')] });
export const ApiDown = pageStory('#/orders/ORD118', { overrides: [failing('get', '/api/v1/customer/orders/:id')] });
