/** Routes the contract does not have are 404 or 405 problems: a host serves the contract and nothing else. */
import { describe } from 'vitest';
import { CUSTOMER_API_PREFIX, ROUTE_PROBES, type RouteProbe } from '../src/route-probes.js';
import { customer, needs, send } from '../src/runtime/suite.js';
import { expectProblem } from './support/problems.js';

async function probe({ method, path, expected }: RouteProbe): Promise<void> {
  // Signed in, so that a 401 cannot hide whether the route exists.
  const { token } = await customer();
  const answer = await send(method, path, { token: token!, ...(method === 'GET' ? {} : { contentType: 'application/json', body: '{}' }) });
  expectProblem(answer, expected);
}

const rows = (inside: boolean) =>
  ROUTE_PROBES.filter((p) => p.path.startsWith(CUSTOMER_API_PREFIX) === inside).map((p) => [p.method, p.path, p] as const);

describe('routes the contract does not have', () => {
  needs('direct').each(rows(true))('%s %s is a problem, not an answer', (_method, _path, route) => probe(route));
  needs('direct', 'whole-origin').each(rows(false))('%s %s is a problem, not an answer', (_method, _path, route) => probe(route));
});
