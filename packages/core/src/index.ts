/**
 * The portal's behaviour, environment-free: the contract's operations, its validation and its errors,
 * over a store interface. Runs unchanged in Node (the reference server) and in a browser (the MSW mocks).
 *
 * @example
 * const portal = createPortal({ store: createMemoryStore(), auth });
 * const response = await portal.handle({ operationId: 'getDashboard', path: {}, query: {}, body: undefined, authorization });
 */
export * from './body.js';
export * from './document.js';
export * from './errors.js';
export * from './frozen.js';
export * from './memory-store.js';
export * from './operations/index.js';
export * from './portal.js';
export * from './sample-world.js';
export * from './store.js';
export * from './types.js';
export * from './validation.js';
