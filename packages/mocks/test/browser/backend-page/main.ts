// An app half on the backend, as the README's Vite recipe sets it up: the backend behind the dev server's
// proxy at /backend (same origin, no CORS), no operation on it until the panel moves one, and the mocks'
// world marking every name "(mocks)" so that the page shows which side answered.
import { createPortalClient } from '@customer-portal/sdk';

const { startPortalWorker } = await import('@customer-portal/mocks/browser');
const worker = await startPortalWorker({
  quiet: true,
  world: (w) => ({ ...w, customers: w.customers.map((c) => ({ ...c, full_name: `${c.full_name} (mocks)` })) }),
  backend: { baseUrl: '/backend', operations: [] },
});
const { mountMockPanel } = await import('@customer-portal/mocks/panel');
mountMockPanel(worker);
// Lets the test call the worker's controls as an app's devtools console would.
(window as unknown as { worker: typeof worker }).worker = worker;

const result = document.getElementById('result')!;
const portal = createPortalClient({
  baseUrl: window.location.origin,
  getToken: () => sessionStorage.getItem('token'),
  onUnauthorized: () => sessionStorage.removeItem('token'),
});

document.getElementById('sign-in')!.addEventListener('click', async () => {
  const { access_token } = await portal.login({ email: 'ali.jawad@example.com', password: 'customer123' });
  sessionStorage.setItem('token', access_token);
  result.textContent = 'Signed in';
});

document.getElementById('load-profile')!.addEventListener('click', async () => {
  result.textContent = '';
  const { data, error, response } = await portal.GET('/api/v1/customer/profile');
  result.textContent = error ? `${response.status}: ${error.detail}` : data.full_name;
});
