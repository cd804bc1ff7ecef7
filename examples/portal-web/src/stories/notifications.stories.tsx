import type { Meta } from '@storybook/react-vite';
import { pageStory, stillLoading } from './story-kit.tsx';
import { everyNotificationRead, noNotifications } from './worlds.ts';

export default { title: 'Pages/Notifications' } satisfies Meta;

export const Default = pageStory('/notifications');
export const NoNotifications = pageStory('/notifications', { world: noNotifications });
export const AllRead = pageStory('/notifications', { world: everyNotificationRead });
export const Loading = pageStory('/notifications', { faults: [{ operation: 'listNotifications', latency: stillLoading }] });
export const ApiDown = pageStory('/notifications', { faults: [{ operation: 'listNotifications', networkError: true }] });
