import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { newCustomer } from './worlds.ts';

export default { title: 'Pages/Tickets' } satisfies Meta;

export const Default = pageStory('/tickets');
export const NoTickets = pageStory('/tickets', { world: newCustomer });
export const Loading = pageStory('/tickets', { faults: [{ operation: 'listTickets', latency: stillLoading }] });
export const ApiDown = pageStory('/tickets', { faults: [{ operation: 'listTickets', networkError: true }] });
