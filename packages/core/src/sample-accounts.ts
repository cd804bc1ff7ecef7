/**
 * The sample accounts of fixtures/customers.json as a client signs in with them, for the tools that sign in
 * to a seeded host (the contract suite, the benchmark, the tests): taken from the sample world, so that a
 * change of fixtures reaches them all. Email and password only: that is the whole sign-in body (the contract
 * refuses any other property).
 */
import { sampleWorldData } from './generated/sample-world.js';

export interface SampleAccount {
  readonly email: string;
  readonly password: string;
}

function account(index: number): SampleAccount {
  const customer = sampleWorldData.customers[index];
  if (!customer) throw new Error(`The sample world has no customer ${index + 1}: check fixtures/customers.json.`);
  return Object.freeze({ email: customer.email, password: customer.password });
}

/**
 * Ali (with orders, tickets and notifications) and Sara (a second customer, for isolation checks).
 *
 * @example
 * const [ali] = SAMPLE_ACCOUNTS;
 * await portal.login(ali);
 */
export const SAMPLE_ACCOUNTS: readonly [SampleAccount, SampleAccount] = Object.freeze([account(0), account(1)] as const);
