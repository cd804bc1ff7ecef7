/**
 * `Prefer: code=404`, the request header Prism honours to pick a documented response, honoured here the same
 * way so one habit serves both mocks. Only a status the operation documents can be asked for. It is a step
 * around the operation: a request without a valid token is still its 401, and a bad one its 422.
 */
import { ApiError, problemResponse, type AroundOperationStep, type Operation, type PortalResponse } from '@customer-portal/core';
import { documentedProblem, documentedStatuses, isDocumented } from './documented.js';
import type { MockHost } from './exchange.js';

/** The status a `Prefer` header asks for (`code=404`, among other preferences), if any; NaN when it is not a number. */
function preferredCode(prefer: string | null): number | undefined {
  if (!prefer) return undefined;
  for (const preference of prefer.split(/[,;]/)) {
    const [name, value = ''] = preference.split('=').map((s) => s.trim());
    if (name?.toLowerCase() === 'code') return /^[1-5][0-9]{2}$/.test(value.replace(/^"|"$/g, '')) ? Number(value.replace(/^"|"$/g, '')) : NaN;
  }
  return undefined;
}

/**
 * What to answer for a `Prefer: code=` request: the contract's problem for a documented error status, a 400
 * problem for a status the operation does not document, and nothing for a documented success (the mocks
 * answer it from their world, as they always do).
 */
function preferredAnswer(operation: Operation, code: number): PortalResponse | undefined {
  if (Number.isNaN(code) || !isDocumented(operation, code)) {
    return problemResponse(
      new ApiError({
        status: 400,
        title: 'Bad request',
        slug: 'prefer-code-not-documented',
        detail: `The Prefer header asks for a status ${operation.operationId} does not document; ask for one of ${documentedStatuses(operation)}.`,
      }),
    );
  }
  return code >= 400 ? documentedProblem(operation, code) : undefined;
}

/** The pipeline step: the answer a `Prefer: code=` header asks for, or the operation's. */
export const preferCodeStep: AroundOperationStep<MockHost> = async ({ operation, request, next }) => {
  const code = preferredCode(request.host!.request.headers.get('Prefer'));
  return (code === undefined ? undefined : preferredAnswer(operation, code)) ?? next();
};
