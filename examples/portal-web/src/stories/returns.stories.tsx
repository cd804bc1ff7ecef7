import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { pageStory } from './story-kit.tsx';
import { everyItemReturnRequested, orderIn, storyOrder } from './worlds.ts';

export default { title: 'Pages/Returns and refunds' } satisfies Meta;

const returnOf = `/orders/${storyOrder}/return`;
const delivered = orderIn('DELIVERED');

export const ChooseItems = pageStory(returnOf, { world: delivered });

/** Asks the API for a return of the order's espresso machine. */
async function requestEspressoMachine(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByLabelText('Espresso Machine'));
  await userEvent.click(canvas.getByRole('button', { name: 'Request return' }));
  return canvas;
}

// Which orders can be returned is the API's rule: the page shows its refusal, in its words.
export const NotDeliveredYet = pageStory(returnOf, {
  world: orderIn('SHIPPED'),
  play: async ({ canvasElement }) => {
    const canvas = await requestEspressoMachine(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Order ORD500 is shipped; only delivered orders can be returned.');
  },
});

export const AlreadyReturned = pageStory(returnOf, {
  world: orderIn('RETURNED'),
  play: async ({ canvasElement }) => {
    const canvas = await requestEspressoMachine(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Order ORD500 is returned; only delivered orders can be returned.');
  },
});

export const NoItemChosen = pageStory(returnOf, {
  world: delivered,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Request return' }));
    await expect(await canvas.findByText('Items must include at least 1 item.')).toBeVisible();
  },
});

// The order says only that it was delivered: that every item already has a return, the API says on asking.
export const EveryItemAlreadyRequested = pageStory(returnOf, {
  world: everyItemReturnRequested,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Espresso Machine'));
    await userEvent.click(canvas.getByRole('button', { name: 'Request return' }));
    // Beside the list of items, where the customer chose it.
    await expect(await canvas.findByText('A return has already been requested for "Espresso Machine".')).toBeVisible();
  },
});

export const Requested = pageStory(returnOf, {
  world: delivered,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Milk Frother'));
    await userEvent.click(canvas.getByRole('button', { name: 'Request return' }));
    await expect(await canvas.findByRole('heading', { name: /^Return RET\d+ requested$/ })).toBeVisible();
  },
});

export const RequestFails = pageStory(returnOf, {
  world: delivered,
  faults: [{ operation: 'requestReturn', status: 503, detail: 'Returns cannot be requested right now. Please try again in a few minutes.' }],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByLabelText('Milk Frother'));
    await userEvent.click(canvas.getByRole('button', { name: 'Request return' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Returns cannot be requested right now.');
  },
});

export const ApiDown = pageStory(returnOf, { world: delivered, faults: [{ operation: 'getOrder', networkError: true }] });
