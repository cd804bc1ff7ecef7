import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Order tracking' } satisfies Meta;

export const Shipped = pageStory('#/orders/ORD123/tracking');
export const Pending = pageStory('#/orders/ORD303/tracking');
export const Loading = pageStory('#/orders/ORD123/tracking', { overrides: [neverAnswering('get', '/api/v1/customer/orders/track/:id')] });
export const ApiDown = pageStory('#/orders/ORD123/tracking', { overrides: [failing('get', '/api/v1/customer/orders/track/:id')] });
