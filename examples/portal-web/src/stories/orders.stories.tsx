import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Orders' } satisfies Meta;

export const Default = pageStory('#/orders');
export const NoOrders = pageStory('#/orders', { scenario: 'empty' });
export const Loading = pageStory('#/orders', { overrides: [neverAnswering('get', '/api/v1/customer/orders')] });
export const ApiDown = pageStory('#/orders', { overrides: [failing('get', '/api/v1/customer/orders')] });
