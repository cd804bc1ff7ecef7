import type { PortalHandlers } from './create-handlers.js';

/**
 * msw's server or worker with the handler set's controls on it (`override`, `fault`, `useScenario`...), and
 * `resetState()` for the handlers' `reset()`, so a test talks to one object.
 */
export function withControls<T extends object>(target: T, handlers: PortalHandlers): T {
  return Object.defineProperties(target, {
    resetState: { value: () => handlers.reset() },
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
