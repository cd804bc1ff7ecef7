import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Tickets' } satisfies Meta;

export const Default = pageStory('#/tickets');
export const NoTickets = pageStory('#/tickets', { scenario: 'empty' });
export const Loading = pageStory('#/tickets', { overrides: [neverAnswering('get', '/api/v1/customer/tickets')] });
export const ApiDown = pageStory('#/tickets', { overrides: [failing('get', '/api/v1/customer/tickets')] });
