import type { Meta } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { pageStory, stillLoading } from './story-kit.tsx';

export default { title: 'Pages/Profile' } satisfies Meta;

export const Default = pageStory('/profile');
export const Loading = pageStory('/profile', { faults: [{ operation: 'getProfile', latency: stillLoading }] });
export const ApiDown = pageStory('/profile', { faults: [{ operation: 'getProfile', networkError: true }] });

export const BlankName = pageStory('/profile', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = await canvas.findByLabelText('Full name');
    await userEvent.clear(name);
    await userEvent.type(name, '  ');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('Full name must not be blank.')).toBeVisible();
  },
});

// A field error the form cannot foresee (every language in its menu is a valid one): the API's 422, shown
// beside the field it names.
export const LanguageNotOffered = pageStory('/profile', {
  overrides: (mocks) =>
    mocks.override('updateProfile', {
      status: 422,
      body: {
        type: 'https://customer-portal.example.com/problems/validation-error',
        title: 'Validation failed',
        status: 422,
        detail: 'Please correct 1 field. Hindi is not offered in your region yet.',
        errors: [{ location: 'body.preferences.language', message: 'Hindi is not offered in your region yet.' }],
      },
    }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const language = await canvas.findByLabelText('Language');
    await userEvent.selectOptions(language, 'hi');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('Hindi is not offered in your region yet.')).toBeVisible();
    await expect(language).toHaveAttribute('aria-invalid', 'true');
  },
});

export const DarkTheme = pageStory('/profile', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText('Theme'), 'dark');
    await userEvent.click(canvas.getByRole('button', { name: 'Save profile' }));
    await expect(await canvas.findByText('Profile saved.')).toBeVisible();
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  },
});
