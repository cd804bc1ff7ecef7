/** The same start-up as app-with-mocks.ts with msw alone: its worker and one handler replying fixed JSON. */
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

export async function main(): Promise<void> {
  await setupWorker(http.get('*/api/v1/customer/orders', () => HttpResponse.json([], { headers: { 'X-Total-Count': '0' } }))).start({ quiet: true });
}
