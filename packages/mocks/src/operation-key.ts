/**
 * How a test names one operation: by its operationId (`'getOrder'`) or by method and path as the contract
 * writes them (`'GET /api/v1/customer/orders/{order_id}'`). Both are typed from openapi.yaml.
 */
import type { Operation, OperationId } from '@customer-portal/core';
import type { operations, paths } from '@customer-portal/sdk';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `'GET /api/v1/customer/dashboard'` and the like: every method and path of the contract. */
export type OperationPath = {
  [P in keyof paths]: { [M in Method]: paths[P][M] extends undefined | never ? never : `${Uppercase<M>} ${P & string}` }[Method];
}[keyof paths];

/** An operationId or a `'METHOD /path'` of the contract. */
export type OperationKey = OperationId | OperationPath;

/** The operation object of openapi-typescript's `operations` that a key names. */
export type OperationOf<K extends OperationKey> = K extends OperationId
  ? operations[K]
  : K extends `${infer M} ${infer P}`
    ? P extends keyof paths
      ? Lowercase<M> extends keyof paths[P]
        ? NonNullable<paths[P][Lowercase<M>]>
        : never
      : never
    : never;

/** The operation a key names, or an Error listing the known ones. */
export function findOperation(operations: Operation[], key: string): Operation {
  const found = operations.find((o) => o.operationId === key || `${o.method.toUpperCase()} ${o.path}` === key);
  if (!found) {
    throw new Error(`No operation "${key}" in the contract; use an operationId (${operations.map((o) => o.operationId).join(', ')}) or 'METHOD /path'.`);
  }
  return found;
}
