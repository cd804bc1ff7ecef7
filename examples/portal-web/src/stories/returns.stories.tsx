import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { failing, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Returns and refunds' } satisfies Meta;

export const ChooseItems = pageStory('#/orders/ORD118/return');
export const CannotBeReturned = pageStory('#/orders/ORD123/return');

export const NoItemChosen = pageStory('#/orders/ORD118/return', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Request return' }));
    await expect(await canvas.findByText('Items must include at least 1 item.')).toBeVisible();
  },
});

export const AlreadyRequested = pageStory('#/orders/ORD121/return', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Watch Strap'));
    await userEvent.click(canvas.getByRole('button', { name: 'Request return' }));
    // Beside the list of items, where the customer chose it.
    await expect(await canvas.findByText('A return has already been requested for "Watch Strap".')).toBeVisible();
  },
});

export const Requested = pageStory('#/orders/ORD118/return', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Portable Bluetooth Speaker'));
    await userEvent.click(canvas.getByRole('button', { name: 'Request return' }));
    await expect(await canvas.findByRole('heading', { name: /^Return RET\d+ requested$/ })).toBeVisible();
  },
});

export const ApiDown = pageStory('#/orders/ORD118/return', { overrides: [failing('get', '/api/v1/customer/orders/:id')] });
