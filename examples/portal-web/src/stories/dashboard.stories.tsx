import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { newCustomer, refundPending } from './worlds.ts';

export default { title: 'Pages/Dashboard' } satisfies Meta;

export const Default = pageStory('/');
export const NewCustomer = pageStory('/', { world: newCustomer });
export const RefundPending = pageStory('/', { world: refundPending });
export const Loading = pageStory('/', { faults: [{ operation: 'getDashboard', latency: stillLoading }] });
export const ApiDown = pageStory('/', { faults: [{ operation: 'getDashboard', networkError: true }] });
export const ServerError = pageStory('/', { faults: [{ operation: 'getDashboard', status: 500 }] });
