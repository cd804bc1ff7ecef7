/**
 * The real backend beside the mocks, put together for one handler set: the options checked, which side serves
 * each operation, the backend's sessions and the step around the operation that uses them.
 */
import type { AroundOperationStep, ContractValidator, Operation, PortalStore } from '@customer-portal/core';
import type { MockHost } from '../create-handlers.js';
import type { Journal } from './journal.js';
import { resolveBackend, type BackendOptions } from './options.js';
import { createSelection, type ChoiceStore } from './selection.js';
import { createSessions, type SessionStore } from './sessions.js';
import { createBackendStep } from './step.js';

export interface BackendSide {
  /** The backend's base URL, absolute, without a trailing slash. */
  baseUrl: string;
  /** The step around the operation that serves it from the backend, or lets the mocks do so. */
  around: AroundOperationStep<MockHost>;
  useBackend(keys: readonly string[]): void;
  useMocks(keys: readonly string[]): void;
  /** Which side serves the operation now. */
  sideOf(operationId: string): 'mocks' | 'backend';
  /** Back to the option: moves made at run time and the backend's sessions forgotten. */
  reset(): void;
}

export interface BackendSideOptions {
  backend: BackendOptions;
  operations: Operation[];
  validator: ContractValidator;
  journal: Journal;
  store: PortalStore;
  issueToken(customerId: number): Promise<{ access_token: string; expires_in: number }>;
  mocksBaseUrl: string;
  /** Where a page keeps the operations moved at run time. */
  choices?: ChoiceStore | undefined;
  /** Where a tab keeps the backend's tokens. */
  sessions?: SessionStore | undefined;
}

export function createBackendSide(options: BackendSideOptions): BackendSide {
  const backend = resolveBackend(options.backend);
  const selection = createSelection(options.operations, backend.operations, options.choices);
  const sessions = createSessions(options.sessions);
  const around = createBackendStep({
    backend,
    selection,
    sessions,
    validator: options.validator,
    journal: options.journal,
    mocksBaseUrl: options.mocksBaseUrl,
    world: {
      customerIdOf: async (email) => (await options.store.findCredentials(email))?.customerId,
      issueToken: options.issueToken,
    },
  });
  return {
    baseUrl: backend.baseUrl,
    around,
    useBackend: selection.useBackend,
    useMocks: selection.useMocks,
    sideOf: selection.sideOf,
    reset() {
      selection.reset();
      sessions.forget();
    },
  };
}

/** The error a run-time move gets when the handlers were made without a backend. */
export function noBackend(): Error {
  return new Error("These mocks have no backend: give one with createHandlers({ backend: { baseUrl, operations } }) (or setupPortalServer / startPortalWorker).");
}
