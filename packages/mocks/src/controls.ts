import type { PortalHandlers } from './create-handlers.js';

/**
 * msw's server or worker with the handler set's controls on it (`override`, `fault`, `useScenario`...), and
 * `resetState()`, so a test talks to one object. `resetState()` is the start again: the handlers' `reset()`
 * (world, tokens, overrides, added faults) and msw's `resetHandlers()` (every handler added with `use()`),
 * so that one test's extra handler cannot answer the next test's requests.
 */
export function withControls<T extends { resetHandlers(): void }>(target: T, handlers: PortalHandlers): T {
  return Object.defineProperties(target, {
    resetState: {
      value: () => {
        handlers.reset();
        target.resetHandlers();
      },
    },
    override: { value: handlers.override },
    fault: { value: handlers.fault },
    clearFaults: { value: handlers.clearFaults },
    useScenario: { value: handlers.useScenario },
    scenario: { get: () => handlers.scenario },
    operations: { value: handlers.operations },
    useBackend: { value: handlers.useBackend },
    useMocks: { value: handlers.useMocks },
    journal: { value: handlers.journal },
    clearJournal: { value: handlers.clearJournal },
    servedBy: { value: handlers.servedBy },
    backendUrl: { value: handlers.backendUrl },
  });
}
