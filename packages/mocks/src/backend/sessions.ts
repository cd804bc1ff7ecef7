/**
 * The backend's side of the one sign-in: for each customer signed in through the mocks, the token the
 * backend issued them, which the mocks put on what they forward. The app never sees it (decision 011).
 */

/** The sessionStorage key under which a tab keeps the backend's tokens, beside the mocks' own. */
export const BACKEND_SESSIONS_STORAGE_KEY = 'customer-portal:backend-sessions';

/** Where the backend's tokens are kept between loads (a tab's sessionStorage); memory in Node. */
export interface SessionStore {
  load(): Record<string, string>;
  save(tokens: Record<string, string>): void;
}

export interface BackendSessions {
  /** The customer's backend token, once the sign-in under way settles: undefined when it was refused or failed. */
  keep(customerId: number, signingIn: Promise<string | undefined>): Promise<string | undefined>;
  /** The customer's backend token (waiting for a sign-in under way); undefined when there is none. */
  tokenFor(customerId: number): Promise<string | undefined>;
  forget(): void;
}

export function createSessions(store?: SessionStore): BackendSessions {
  let tokens: Record<string, string> = store?.load() ?? {};
  const pending = new Map<number, Promise<string | undefined>>();
  let generation = 0;

  return {
    async keep(customerId, signingIn) {
      const started = generation;
      pending.set(customerId, signingIn);
      const token = await signingIn;
      if (pending.get(customerId) === signingIn) pending.delete(customerId);
      // A reset while the sign-in was under way forgets it too.
      if (started !== generation) return undefined;
      tokens = { ...tokens };
      if (token === undefined) delete tokens[customerId];
      else tokens[customerId] = token;
      store?.save(tokens);
      return token;
    },
    async tokenFor(customerId) {
      const signingIn = pending.get(customerId);
      if (signingIn) await signingIn;
      return Object.hasOwn(tokens, customerId) ? tokens[customerId] : undefined;
    },
    forget() {
      generation += 1;
      pending.clear();
      tokens = {};
      store?.save({});
    },
  };
}
