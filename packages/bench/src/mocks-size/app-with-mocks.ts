/**
 * A page's mock start-up with the portal's mocks, bundled by the mocks size section (never run). Its twin,
 * app-with-msw.ts, starts msw's worker with one hand-written handler: the difference of their bundles is what
 * the mocks (core's pipeline, the contract and its validator, the sample world) add to a browser bundle.
 */
import { startPortalWorker } from '@customer-portal/mocks/browser';

export async function main(): Promise<void> {
  await startPortalWorker({ quiet: true });
}
