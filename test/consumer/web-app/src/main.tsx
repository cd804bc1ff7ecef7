// What the README tells a team to write: the mocks start in development only, before the first request.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Dashboard } from './dashboard.tsx';

if (import.meta.env.DEV) {
  const { startPortalWorker } = await import('@customer-portal/mocks/browser');
  await startPortalWorker();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Dashboard />
  </StrictMode>,
);
