/**
 * The verdicts of Prism's validating proxy (`prism proxy --errors`), read from what it sends back. Prism is a
 * validator written by nobody here: when the suite runs through it, its findings fail the test as ours do.
 */
import type { FieldError } from '@customer-portal/core';

const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';

interface PrismViolation {
  location?: string[];
  severity?: string;
  message?: string;
}

function asViolations(value: unknown): PrismViolation[] {
  return Array.isArray(value) ? (value as PrismViolation[]) : [];
}

function toBreach(violation: PrismViolation): FieldError {
  return { location: (violation.location ?? ['response']).join('.'), message: `Prism: ${violation.message ?? 'violation'}` };
}

/**
 * Breaches Prism reported for a response: its `sl-violations` header, its 500 `VIOLATIONS` problem (what
 * `--errors` turns a broken response into), and any other answer Prism made itself instead of the host.
 *
 * @example
 * prismBreaches(new Headers({ 'sl-violations': '[{"location":["response","body"],"message":"must have required property \'total\'"}]' }), '');
 * // [{ location: 'response.body', message: "Prism: must have required property 'total'" }]
 */
export function prismBreaches(headers: Headers, text: string): FieldError[] {
  const breaches: FieldError[] = [];
  const header = headers.get('sl-violations');
  if (header) {
    try {
      breaches.push(...asViolations(JSON.parse(header)).filter((v) => v.location?.[0] === 'response').map(toBreach));
    } catch {
      breaches.push({ location: 'response', message: `Prism: unreadable sl-violations header ${header}` });
    }
  }
  let body: { type?: unknown; title?: unknown; validation?: unknown } | undefined;
  try {
    body = text ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }
  if (typeof body?.type === 'string' && body.type.startsWith(PRISM_ERRORS)) {
    if (body.type === `${PRISM_ERRORS}VIOLATIONS`) {
      // The header already listed them when present; the body is the fallback.
      if (!header) breaches.push(...asViolations(body.validation).map(toBreach));
    } else {
      breaches.push({ location: 'response', message: `Prism answered itself (${String(body.title)}); the request never reached the host` });
    }
  }
  return breaches;
}
