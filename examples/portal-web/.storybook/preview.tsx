import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setupWorker } from 'msw/browser';
import '../src/base.css';

const preview: Preview = {
  // One worker for the whole Storybook; each story hands it its own stateful handlers (`parameters.msw`).
  loaders: [
    mswLoader(async () => {
      const worker = setupWorker();
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
      return worker;
    }),
  ],
  parameters: { layout: 'fullscreen' },
};

export default preview;
