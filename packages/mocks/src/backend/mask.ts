/**
 * Secrets out of what the journal gives: a password the app sent, a token the API issued. The journal is read
 * by tests, shown in the panel and printed by whoever logs it, so every exchange it gives out is masked.
 */

/** What a masked value is replaced with. */
export const MASKED = '•••';

// The contract's secrets: `password` (login), `access_token` (its answer); any key that says password, token
// or secret is masked too, so that a backend's extra fields (`refresh_token`) stay out as well.
const SECRET_KEY = /password|token|secret/i;
const SECRET_HEADER = /^(authorization|cookie|set-cookie|proxy-authorization)$/i;

/** A deep copy of a JSON value with every secret field's value masked. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = SECRET_KEY.test(key) && field !== null && field !== undefined ? MASKED : maskSecrets(field);
  return copy;
}

/** Headers with credentials and cookies masked, names lower-cased as fetch gives them. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) copy[name.toLowerCase()] = SECRET_HEADER.test(name) ? MASKED : value;
  return copy;
}
