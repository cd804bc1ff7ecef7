import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Dashboard' } satisfies Meta;

export const Default = pageStory('#/');
export const NewCustomer = pageStory('#/', { scenario: 'empty' });
export const Loading = pageStory('#/', { overrides: [neverAnswering('get', '/api/v1/customer/dashboard')] });
export const ApiDown = pageStory('#/', { overrides: [failing('get', '/api/v1/customer/dashboard')] });
