import { createContractValidator, type ContractValidator } from '@customer-portal/core';

let validator: ContractValidator | undefined;

/**
 * The contract's compiled validator, compiled on first use and shared by every handler set of this module:
 * compiling is the slow part of a portal, and tests create many handler sets.
 */
export function sharedValidator(): ContractValidator {
  validator ??= createContractValidator();
  return validator;
}
