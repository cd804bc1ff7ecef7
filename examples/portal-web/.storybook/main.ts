import type { StorybookConfig } from '@storybook/react-vite';

/** Storybook for the portal's pages: every story runs the real app against the stateful mocks, in the page. */
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../src/stories/*.stories.tsx'],
  // MSW's worker script (public/mockServiceWorker.js), served at the root as in `vite --mode mock`.
  staticDirs: ['../public'],
  addons: ['msw-storybook-addon'],
  core: { disableTelemetry: true },
  // No props tables: the stories are whole pages, and docgen is most of the build's time.
  typescript: { reactDocgen: false },
};

export default config;
