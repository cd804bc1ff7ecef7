import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Ticket details' } satisfies Meta;

export const Conversation = pageStory('#/tickets/TKT456');
export const NotFound = pageStory('#/tickets/TKT999');
export const Loading = pageStory('#/tickets/TKT456', { overrides: [neverAnswering('get', '/api/v1/customer/tickets/:id')] });
export const ApiDown = pageStory('#/tickets/TKT456', { overrides: [failing('get', '/api/v1/customer/tickets/:id')] });
