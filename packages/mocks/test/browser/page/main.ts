// The smallest app that uses the mocks as the README says: the worker and the panel in the mock-only branch,
// the SDK on the same origin, the token kept in sessionStorage as the example app keeps it.
import { createPortalClient } from '@customer-portal/sdk';

const { startPortalWorker } = await import('@customer-portal/mocks/browser');
const worker = await startPortalWorker({ quiet: true });
const { mountMockPanel } = await import('@customer-portal/mocks/panel');
mountMockPanel(worker);

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

document.getElementById('load-orders')!.addEventListener('click', async () => {
  try {
    const { data, error, response } = await portal.GET('/api/v1/customer/orders');
    result.textContent = error ? `${response.status}: ${error.detail}` : `${data.length} orders`;
  } catch {
    result.textContent = 'Network error';
  }
});

// Lets the test tell a reload from a switch in place.
(window as unknown as { loadedAt: number }).loadedAt = performance.timeOrigin;
