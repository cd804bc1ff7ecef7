/**
 * The state of one test process during a contract run: the target it talks to, the checker every response
 * goes through, and the exchanges made since the reporter last collected them.
 */
import { createContractValidator } from '@customer-portal/core';
import { createCheckedFetch } from '../check/checked-fetch.js';
import { createResponseChecker, type CheckedExchange } from '../check/response-checker.js';
import type { TargetInfo } from '../targets/types.js';

export interface Session {
  target: TargetInfo;
  /** Checks each response against the contract and throws a ContractBreachError on any breach. */
  fetch: (request: Request) => Promise<Response>;
}

let current: Session | undefined;
let exchanges: CheckedExchange[] = [];

export function hasSession(): boolean {
  return current !== undefined;
}

export function startSession(target: TargetInfo): Session {
  const checker = createResponseChecker({
    baseUrl: target.baseUrl,
    validator: createContractValidator(),
    ...(target.independentValidator ? { independentValidator: target.independentValidator } : {}),
  });
  current = { target, fetch: createCheckedFetch({ checker, onExchange: (exchange) => exchanges.push(exchange) }) };
  return current;
}

export function session(): Session {
  if (!current) {
    throw new Error('The contract suite runs through its own config: npm run contract -- --target <name> (see packages/contract/README.md).');
  }
  return current;
}

/** The exchanges made since the last call, for the reporter. */
export function takeExchanges(): CheckedExchange[] {
  const taken = exchanges;
  exchanges = [];
  return taken;
}
