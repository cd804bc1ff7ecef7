import { PortalApiError, type FieldError as ProblemFieldError } from '@customer-portal/sdk';

/** `body.items.0` belongs to the field `body.items`. */
export const belongsTo = (location: string, field: string) => location === field || location.startsWith(`${field}.`);

/** The problem's field errors, if the error is a validation problem. */
export function fieldErrorsOf(error: unknown): ProblemFieldError[] {
  return error instanceof PortalApiError ? (error.problem.errors ?? []) : [];
}

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
        <span id={messageId} className="field-error">
          {messages.join(' ')}
        </span>
      ) : null,
  };
}
