import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Before the app, whose components' CSS modules build on it.
import './base.css';
import { App } from './app.tsx';

let notice: string | undefined;
// `vite --mode mock`: MSW's worker answers every API call from the stateful mocks, in this tab's memory.
// A production build has MODE 'production', so the bundler drops this branch and the mocks with it.
if (import.meta.env.MODE === 'mock') {
  const { startPortalWorker } = await import('@customer-portal/mocks/browser');
  // Without a `scenario` option the page picks it: ?scenario=<name>, then localStorage, then 'default'.
  const worker = await startPortalWorker({ serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js` });
  // The development panel (bottom right): scenario and fault, switched without a reload.
  const { mountMockPanel } = await import('@customer-portal/mocks/panel');
  mountMockPanel(worker);
  notice = `Mocked in the browser by MSW (scenario: ${worker.scenario}). Try ?scenario=empty, server-error or slow, or the Mocks panel.`;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App notice={notice} />
  </StrictMode>,
);
