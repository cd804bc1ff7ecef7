import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { longConversation, longTicket } from './worlds.ts';

export default { title: 'Pages/Ticket details' } satisfies Meta;

export const Conversation = pageStory('/tickets/TKT456');
export const LongConversation = pageStory(`/tickets/${longTicket}`, { world: longConversation });
export const NotFound = pageStory('/tickets/TKT999');
export const Loading = pageStory('/tickets/TKT456', { faults: [{ operation: 'getTicket', latency: stillLoading }] });
export const ApiDown = pageStory('/tickets/TKT456', { faults: [{ operation: 'getTicket', networkError: true }] });
