import { fieldErrorsOf } from './problem.ts';
import styles from './field-error.module.css';

/** `body.items.0` belongs to the field `body.items`. */
export const belongsTo = (location: string, field: string) => location === field || location.startsWith(`${field}.`);

/**
 * What the problem says about one field (`location`, e.g. `body.full_name`), shown under that field. Spread
 * `invalidProps` on the input so a screen reader reads the message with it.
 */
export function fieldProblem(error: unknown, location: string, id: string) {
  const messages = fieldErrorsOf(error)
    .filter((fieldError) => belongsTo(fieldError.location, location))
    .map((fieldError) => fieldError.message);
  const messageId = `${id}-error`;
  return {
    invalidProps: messages.length > 0 ? { 'aria-invalid': true as const, 'aria-describedby': messageId } : {},
    message:
      messages.length > 0 ? (
        <span id={messageId} className={styles.message}>
          {messages.join(' ')}
        </span>
      ) : null,
  };
}
