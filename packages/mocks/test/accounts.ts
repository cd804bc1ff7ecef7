/** The sample accounts of fixtures/, and a signed-in SDK client for each, for the mocks' tests. */
import { SAMPLE_ACCOUNTS } from '@customer-portal/core';
import { createPortalClient, type PortalClient } from '@customer-portal/sdk';

export const MOCK_URL = 'http://mock.portal.test';

export const [ALI, SARA] = SAMPLE_ACCOUNTS;

/**
 * An SDK client signed in as the account. Create it after `server.listen()`: openapi-fetch keeps the
 * `fetch` it finds when the client is made, and msw's interception replaces the global one.
 */
export async function signedIn(account: { email: string; password: string }, baseUrl = MOCK_URL): Promise<PortalClient> {
  const client = createPortalClient({ baseUrl });
  await client.login(account);
  return client;
}

/** A JSON request to the API with the given bearer token. */
export function send(
  path: string,
  init: { method?: string; token?: string; body?: string; contentType?: string } = {},
  baseUrl = MOCK_URL,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.token) headers['Authorization'] = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
  return fetch(baseUrl + path, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: init.body } : {}) });
}
