import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { failing, neverAnswering, pageStory } from './story-kit.tsx';

export default { title: 'Pages/Profile' } satisfies Meta;

export const Default = pageStory('#/profile');
export const Loading = pageStory('#/profile', { overrides: [neverAnswering('get', '/api/v1/customer/profile')] });
export const ApiDown = pageStory('#/profile', { overrides: [failing('get', '/api/v1/customer/profile')] });

export const BlankName = pageStory('#/profile', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = await canvas.findByLabelText('Full name');
    await userEvent.clear(name);
    await userEvent.type(name, '  ');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('Full name must not be blank.')).toBeVisible();
  },
});

export const DarkTheme = pageStory('#/profile', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText('Theme'), 'dark');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('Profile saved.')).toBeVisible();
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  },
});
