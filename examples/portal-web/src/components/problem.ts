import { PortalApiError, type FieldError, type Problem } from '@customer-portal/sdk';

/**
 * The problem a failed call brought: the body openapi-react-query throws, or the SDK's PortalApiError (a call
 * that got no answer). `undefined` for anything else, which is the app's own mistake.
 */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof PortalApiError) return error.problem;
  const candidate = error as Partial<Problem> | null | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.detail === 'string' ? (candidate as Problem) : undefined;
}

/** The problem's field errors, if the error is a validation problem. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return problemOf(error)?.errors ?? [];
}
