/** Assertions on problem answers, shared by the journeys. The checker has already validated the shape. */
import { expect } from 'vitest';

interface Answer {
  status: number;
  body: any;
}

/**
 * The answer is a problem with `status` and a human `detail`; with `location`, its `errors` name that field.
 *
 * @example
 * expectProblem(await send('GET', '/api/v1/customer/orders?limit=0', { token }), 422, 'query.limit');
 */
export function expectProblem(answer: Answer, status: number, location?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.status).toBe(status);
  expect(answer.body.detail).toMatch(/\S/);
  if (location !== undefined) {
    expect(answer.body.errors?.map((e: { location: string }) => e.location)).toContain(location);
  }
}

/** An SDK result as the `{ status, body }` expectProblem reads. */
export function answerOf(result: { response: Response; error?: unknown; data?: unknown }): Answer {
  return { status: result.response.status, body: result.error ?? result.data };
}
