import type { Meta } from '@storybook/react-vite';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Notifications' } satisfies Meta;

export const Default = pageStory('#/notifications');
export const NoNotifications = pageStory('#/notifications', { scenario: 'empty' });
export const Loading = pageStory('#/notifications', { overrides: [neverAnswering('get', '/api/v1/customer/notifications')] });
export const ApiDown = pageStory('#/notifications', { overrides: [failing('get', '/api/v1/customer/notifications')] });
