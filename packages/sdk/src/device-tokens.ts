/**
 * Where the SDK keeps the device token each account's sign-in answered, to send it back with that
 * account's next sign-in: failures from other clients then never lock this device out (see `login` in
 * openapi.yaml). In a browser, localStorage, so that it outlives the tab; elsewhere (Node), memory.
 */

/** A device token per account (the lower-cased email). */
export interface DeviceTokenStore {
  get(account: string): string | null | undefined;
  set(account: string, token: string): void;
}

/**
 * Device tokens in memory: what a Node process (a test worker, a script) keeps while it runs.
 *
 * @example
 * const portal = createPortalClient({ baseUrl, deviceTokens: memoryDeviceTokens() });
 */
export function memoryDeviceTokens(): DeviceTokenStore {
  const tokens = new Map<string, string>();
  return { get: (account) => tokens.get(account), set: (account, token) => void tokens.set(account, token) };
}

/**
 * Device tokens in the browser's localStorage, one entry per API and account; memory where there is no
 * localStorage or it refuses to be used (a sandboxed frame, storage turned off).
 *
 * @example
 * browserDeviceTokens('https://api.example.com').get('ali.jawad@example.com');
 */
export function browserDeviceTokens(baseUrl: string): DeviceTokenStore {
  const storage = usableLocalStorage();
  if (!storage) return memoryDeviceTokens();
  const key = (account: string) => `customer-portal:device-token:${baseUrl}:${account}`;
  return {
    get: (account) => storage.getItem(key(account)),
    set: (account, token) => {
      try {
        storage.setItem(key(account), token);
      } catch {
        // Storage full or turned off meanwhile: the next sign-in is only counted like any other client's.
      }
    },
  };
}

function usableLocalStorage(): Storage | undefined {
  try {
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    return storage && typeof storage.getItem === 'function' ? storage : undefined;
  } catch {
    return undefined;
  }
}
