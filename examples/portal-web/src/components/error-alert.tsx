import { PortalApiError } from '@customer-portal/sdk';

/**
 * Shows why a call failed: the problem's `detail` (a sentence written for the customer) and, for a
 * validation problem, each offending field.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const fieldErrors = error instanceof PortalApiError ? (error.problem.errors ?? []) : [];
  return (
    <div role="alert" className="alert">
      <p>{messageOf(error)}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((fieldError, index) => (
            <li key={index}>
              <code>{fieldError.location}</code> {fieldError.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function messageOf(error: unknown): string {
  // fetch rejects with a TypeError when there is no answer at all (offline, proxy target down).
  if (error instanceof TypeError) return `Could not reach the portal API (${error.message}).`;
  return error instanceof Error ? error.message : String(error);
}
