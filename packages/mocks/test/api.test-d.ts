import type { HttpHandler } from 'msw';
import type { SetupServerApi } from 'msw/node';
import type { SetupWorker } from 'msw/browser';
import { describe, expectTypeOf, it } from 'vitest';
import type { Profile } from '@customer-portal/sdk';
import { createHandlers, handlers, scenarioFromLocation, type MockOptions, type OverrideAnswer, type OverrideRequest, type ScenarioName } from '../src/index.js';
import type { startPortalWorker } from '../src/browser.js';
import { setupPortalServer } from '../src/node.js';

describe('the public API', () => {
  it('names exactly the four built-in scenarios', () => {
    expectTypeOf<ScenarioName>().toEqualTypeOf<'default' | 'empty' | 'server-error' | 'slow'>();
    expectTypeOf(scenarioFromLocation).returns.toEqualTypeOf<string>();
  });

  it('gives handler sets that spread into msw and reset themselves', () => {
    expectTypeOf(handlers).toExtend<HttpHandler[]>();
    expectTypeOf([...createHandlers()]).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(handlers.reset).toEqualTypeOf<() => void>();
    expectTypeOf(handlers.scenario).toEqualTypeOf<string>();
  });

  it('refuses an unknown scenario name at compile time', () => {
    // @ts-expect-error 'broken' is not a scenario
    createHandlers({ scenario: 'broken' });
    expectTypeOf<{ scenario: 'broken' }>().not.toExtend<MockOptions>();
  });

  it('extends msw setup APIs with resetState(), override() and fault()', () => {
    expectTypeOf(setupPortalServer).returns.toExtend<SetupServerApi & { resetState(): void; scenario: string }>();
    expectTypeOf<Awaited<ReturnType<typeof startPortalWorker>>>().toExtend<SetupWorker & { resetState(): void; chooseScenario(name: string): void }>();
  });
});

describe('typed overrides', () => {
  const server = setupPortalServer();

  it('gives a function the signed-in customer as the contract types the profile, and none for sign-in', () => {
    expectTypeOf<OverrideRequest<'getOrder'>['customer']>().toEqualTypeOf<Profile>();
    expectTypeOf<OverrideRequest<'GET /api/v1/customer/orders'>['customer']>().toEqualTypeOf<Profile>();
    expectTypeOf<OverrideRequest<'login'>['customer']>().toEqualTypeOf<undefined>();
    expectTypeOf<OverrideRequest<'POST /auth/login'>['customer']>().toEqualTypeOf<undefined>();
  });

  it('types the answer from the contract: a documented status and its body', () => {
    expectTypeOf<OverrideAnswer<'getProfile'>['status']>().toEqualTypeOf<200 | 401>();
    // @ts-expect-error full_name is a string
    server.override('getProfile', { status: 200, body: { full_name: 42 } });
    // @ts-expect-error getDashboard does not document a 404
    server.override('getDashboard', { status: 404, body: { type: '', title: '', status: 404, detail: '' } });
    // @ts-expect-error no such operation
    server.override('getBasket', { status: 200, body: {} });
  });

  it('types the request by operationId and by path alike', () => {
    server.override('getOrder', ({ path }) => {
      expectTypeOf(path.order_id).toEqualTypeOf<string>();
      return { status: 404, body: { type: 'about:blank', title: 'Not found', status: 404, detail: `Order ${path.order_id} was not found.` } };
    });
    server.override('POST /api/v1/customer/tickets', async ({ body, next }) => {
      expectTypeOf(body.subject).toEqualTypeOf<string>();
      const answer = await next();
      expectTypeOf(answer).toEqualTypeOf<OverrideAnswer<'createTicket'>>();
      return answer;
    });
    server.override('GET /api/v1/customer/orders', ({ query }) => {
      expectTypeOf(query.limit).toEqualTypeOf<number | undefined>();
      return { status: 200, body: [], headers: { 'X-Total-Count': '0' } };
    });
  });
});
