import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { pageStory } from './story-kit.tsx';

export default { title: 'Pages/Sign in' } satisfies Meta;

async function signIn(canvasElement: HTMLElement, password: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Email'), 'ali.jawad@example.com');
  await userEvent.type(canvas.getByLabelText('Password'), password);
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
  return canvas;
}

export const SignIn = pageStory('/', { signedIn: false });

export const WrongPassword = pageStory('/', {
  signedIn: false,
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, 'not-his-password');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The email or password is incorrect.');
  },
});

// The contract's own 429 problem, as the API answers after five failures in a row.
export const TooManyAttempts = pageStory('/', {
  signedIn: false,
  faults: [{ operation: 'login', status: 429 }],
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, 'customer123');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Too many failed sign-in attempts. Try again in 4 seconds.');
  },
});

export const ApiDown = pageStory('/', {
  signedIn: false,
  faults: [{ operation: 'login', networkError: true }],
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, 'customer123');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Could not reach the portal API');
  },
});
