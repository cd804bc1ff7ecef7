import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { pageStory } from './story-kit.tsx';

export default { title: 'Pages/New ticket' } satisfies Meta;

export const Default = pageStory('/tickets/new');

export const BlankSubject = pageStory('/tickets/new', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Subject'), '   ');
    await userEvent.type(canvas.getByLabelText('Description'), 'My order has not arrived.');
    await userEvent.click(canvas.getByRole('button', { name: 'Open ticket' }));
    await expect(await canvas.findByText('Subject must not be blank.')).toBeVisible();
  },
});

export const UnknownOrder = pageStory('/tickets/new', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Subject'), 'Where is it?');
    await userEvent.type(canvas.getByLabelText('Description'), 'My order has not arrived.');
    await userEvent.type(canvas.getByLabelText('Order ID (optional)'), 'ORD999');
    await userEvent.click(canvas.getByRole('button', { name: 'Open ticket' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Order ORD999 was not found.');
  },
});
