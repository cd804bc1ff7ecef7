import type { HttpHandler } from 'msw';
import type { SetupServerApi } from 'msw/node';
import type { SetupWorker } from 'msw/browser';
import { describe, expectTypeOf, it } from 'vitest';
import { createHandlers, handlers, scenarioFromLocation, type MockOptions, type ScenarioName } from '../src/index.js';
import type { startPortalWorker } from '../src/browser.js';
import { setupPortalServer } from '../src/node.js';

describe('the public API', () => {
  it('names exactly the four scenarios', () => {
    expectTypeOf<ScenarioName>().toEqualTypeOf<'default' | 'empty' | 'server-error' | 'slow'>();
    expectTypeOf(scenarioFromLocation).returns.toEqualTypeOf<ScenarioName>();
  });

  it('gives handler sets that spread into msw and reset themselves', () => {
    expectTypeOf(handlers).toExtend<HttpHandler[]>();
    expectTypeOf([...createHandlers()]).toEqualTypeOf<HttpHandler[]>();
    expectTypeOf(handlers.reset).toEqualTypeOf<() => void>();
    expectTypeOf(handlers.scenario).toEqualTypeOf<ScenarioName>();
  });

  it('refuses an unknown scenario name at compile time', () => {
    // @ts-expect-error 'broken' is not a scenario
    createHandlers({ scenario: 'broken' });
    expectTypeOf<{ scenario: 'broken' }>().not.toExtend<MockOptions>();
  });

  it('extends msw setup APIs with resetState() and the scenario', () => {
    expectTypeOf(setupPortalServer).returns.toExtend<SetupServerApi & { resetState(): void; scenario: ScenarioName }>();
    expectTypeOf<Awaited<ReturnType<typeof startPortalWorker>>>().toExtend<SetupWorker & { resetState(): void; scenario: ScenarioName }>();
  });
});
