import type { IssuedTokens } from './mock-auth.js';

/** The sessionStorage key under which a tab's mocks keep the tokens they issued. */
const TOKENS_STORAGE_KEY = 'customer-portal:mock-tokens';

/**
 * Issued tokens kept in the tab's sessionStorage, so a reload (or switching scenario, which may reload) keeps
 * the customer signed in, as the app keeps its token there too. Other tabs and other browsers do not share
 * them: a token is still accepted only by the mocks of the tab that issued it. Without storage, memory.
 */
export function sessionTokens(storage: Storage | null): IssuedTokens {
  let tokens: Record<string, { customerId: number; exp: number }> = {};
  try {
    tokens = JSON.parse(storage?.getItem(TOKENS_STORAGE_KEY) ?? '{}') as typeof tokens;
  } catch {
    // A damaged entry only means no remembered sessions.
  }
  const save = () => {
    try {
      storage?.setItem(TOKENS_STORAGE_KEY, JSON.stringify(tokens));
    } catch {
      // Storage full or refused: the tokens still live in memory for this page.
    }
  };
  return {
    get: (token) => (Object.hasOwn(tokens, token) ? tokens[token] : undefined),
    set(token, claims) {
      const now = Date.now() / 1000;
      tokens = Object.fromEntries(Object.entries(tokens).filter(([, c]) => c.exp > now));
      tokens[token] = claims;
      save();
    },
    clear() {
      tokens = {};
      save();
    },
  };
}
