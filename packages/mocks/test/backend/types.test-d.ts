import { describe, expectTypeOf, it } from 'vitest';
import type { Exchange, OperationKey } from '../../src/index.js';
import { setupPortalServer } from '../../src/node.js';

describe('the journal, typed from the contract', () => {
  const server = setupPortalServer();

  it("types an operation's request body, so a wrong field does not compile", () => {
    expectTypeOf(server.journal('createTicket')[0]!.request.body.subject).toEqualTypeOf<string>();
    // @ts-expect-error createTicket has no field "subjekt"
    void server.journal('createTicket')[0]!.request.body.subjekt;
  });

  it("names the operation's query parameters, as sent", () => {
    expectTypeOf(server.journal('GET /api/v1/customer/orders')[0]!.request.query.status).toEqualTypeOf<string | string[] | undefined>();
    // @ts-expect-error listOrders has no query parameter "state"
    void server.journal('listOrders')[0]!.request.query.state;
  });

  it('types the answer as one of the documented bodies', () => {
    const answer = server.journal('getProfile')[0]!.response;
    expectTypeOf(answer).toEqualTypeOf<{ status: number; headers: Record<string, string>; body: NonNullable<typeof answer>['body'] } | null>();
    if (answer && 'full_name' in answer.body) expectTypeOf(answer.body.full_name).toEqualTypeOf<string>();
  });

  it('gives every exchange, untyped, without an operation, and refuses an unknown one', () => {
    expectTypeOf(server.journal()).toEqualTypeOf<Exchange[]>();
    // @ts-expect-error no operation "listOrder"
    server.journal('listOrder');
  });
});

describe('the backend option and the run-time moves, typed as overrides are', () => {
  it('takes operationIds and METHOD /path keys of the contract, and refuses others', () => {
    setupPortalServer({ backend: { baseUrl: 'http://127.0.0.1:3000', operations: ['listOrders', 'GET /api/v1/customer/orders/{order_id}'], onBreach: 'fail', timeoutMs: 2000 } });
    setupPortalServer({ backend: { baseUrl: 'http://127.0.0.1:3000', operations: 'all' } });
    // @ts-expect-error no operation "listOrder"
    setupPortalServer({ backend: { baseUrl: 'http://127.0.0.1:3000', operations: ['listOrder'] } });
    // @ts-expect-error onBreach is 'warn' or 'fail'
    setupPortalServer({ backend: { baseUrl: 'http://127.0.0.1:3000', operations: 'all', onBreach: 'ignore' } });
    const server = setupPortalServer();
    expectTypeOf(server.useBackend).parameters.toEqualTypeOf<OperationKey[]>();
    // @ts-expect-error PATCH is not how the contract updates the profile
    server.useMocks('PATCH /api/v1/customer/profile');
    expectTypeOf(server.servedBy('getProfile')).toEqualTypeOf<'mocks' | 'backend'>();
  });
});
