import { belongsTo } from './field-error.tsx';
import { fieldErrorsOf, problemOf } from './problem.ts';
import button from './button.module.css';
import styles from './error-alert.module.css';

/**
 * Says why a call failed, in the problem's own words (its `detail`, written for the customer), with a button
 * to try again when the page can. Field errors the form shows beside their fields (`fields`) are not
 * repeated; any others are listed here, by their message alone: a customer has no use for `body.subject`.
 */
export function ErrorAlert({ error, onRetry, fields = [] }: { error: unknown; onRetry?: () => void; fields?: readonly string[] }) {
  if (error === undefined || error === null) return null;
  const fieldErrors = fieldErrorsOf(error);
  const elsewhere = fieldErrors.filter((fieldError) => !fields.some((field) => belongsTo(fieldError.location, field)));
  // When every field's sentence is beside its field, the detail would only say them again.
  const allBeside = fieldErrors.length > 0 && elsewhere.length === 0;
  return (
    <div role="alert" className={styles.alert}>
      <p>{allBeside ? `Please correct the ${fieldErrors.length === 1 ? 'field' : 'fields'} marked above.` : messageOf(error)}</p>
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((fieldError, index) => (
            <li key={index}>{fieldError.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className={button.secondary} onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function messageOf(error: unknown): string {
  // Anything but a problem is the app's own mistake: no use to the customer beyond "reload".
  return problemOf(error)?.detail ?? 'Something went wrong in this page. Please reload it.';
}
