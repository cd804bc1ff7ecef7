/**
 * Which side serves each operation: the backend option says where each starts, `useBackend()`/`useMocks()`
 * move operations at run time, and `reset()` returns to the option. In a browser the moves are kept (see
 * `BACKEND_CHOICE_STORAGE_KEY`) and win over the option until `reset()`.
 */
import type { Operation } from '@customer-portal/core';
import { findOperation } from '../operation-key.js';

/** The localStorage key under which a page keeps the operations moved at run time: `{ "listOrders": "backend" }`. */
export const BACKEND_CHOICE_STORAGE_KEY = 'customer-portal:backend-operations';

type Side = 'mocks' | 'backend';

/** Where the moves made at run time are kept between loads (a page's localStorage); none in Node. */
export interface ChoiceStore {
  load(): Record<string, Side>;
  save(choices: Record<string, Side>): void;
}

export interface BackendSelection {
  sideOf(operationId: string): Side;
  /** Moves the operations (every one when none is named) to the backend; throws on an unknown one. */
  useBackend(keys: readonly string[]): void;
  useMocks(keys: readonly string[]): void;
  /** Back to the option; the kept moves are forgotten. */
  reset(): void;
  /** Whether any operation is served by the backend now. */
  anyOnBackend(): boolean;
}

function storedChoices(store: ChoiceStore | undefined, operations: Operation[]): Record<string, Side> {
  const known = new Set<string>(operations.map((o) => o.operationId));
  const choices: Record<string, Side> = {};
  for (const [id, side] of Object.entries(store?.load() ?? {})) if (known.has(id) && (side === 'backend' || side === 'mocks')) choices[id] = side;
  return choices;
}

export function createSelection(operations: Operation[], initial: 'all' | readonly string[], store?: ChoiceStore): BackendSelection {
  const fromOption = new Set<string>(initial === 'all' ? operations.map((o) => o.operationId) : initial.map((key) => findOperation(operations, key).operationId));
  let moved = storedChoices(store, operations);

  const move = (keys: readonly string[], side: Side) => {
    const ids = keys.length === 0 ? operations.map((o) => o.operationId) : keys.map((key) => findOperation(operations, key).operationId);
    moved = { ...moved };
    for (const id of ids) moved[id] = side;
    store?.save(moved);
  };
  const sideOf = (operationId: string): Side => moved[operationId] ?? (fromOption.has(operationId) ? 'backend' : 'mocks');

  return {
    sideOf,
    useBackend: (keys) => move(keys, 'backend'),
    useMocks: (keys) => move(keys, 'mocks'),
    reset() {
      moved = {};
      store?.save({});
    },
    anyOnBackend: () => operations.some((o) => sideOf(o.operationId) === 'backend'),
  };
}
