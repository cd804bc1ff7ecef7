import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { pageStory, stillLoading } from './story-kit.tsx';

export default { title: 'Pages/Settings' } satisfies Meta;

export const Default = pageStory('/settings');
export const Loading = pageStory('/settings', { faults: [{ operation: 'getSettings', latency: stillLoading }] });
export const ApiDown = pageStory('/settings', { faults: [{ operation: 'getSettings', networkError: true }] });

// The switch moves at once and goes back when the API refuses: its 500, the contract's own problem.
export const SaveFails = pageStory('/settings', {
  faults: [{ operation: 'updateSettings', status: 500 }],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('switch', { name: 'Email me' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Something went wrong on our side. Please try again.');
    await expect(canvas.getByRole('switch', { name: 'Email me' })).toBeChecked();
  },
});

export const InvalidTimezone = pageStory('/settings', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const timezone = await canvas.findByRole('textbox', { name: /^Timezone/ });
    await userEvent.clear(timezone);
    await userEvent.type(timezone, 'UTC+25');
    await userEvent.click(canvas.getByRole('button', { name: 'Save timezone' }));
    await expect(await canvas.findByText('Timezone must be an offset from UTC such as UTC+0, UTC-5 or UTC+5:30.')).toBeVisible();
  },
});
