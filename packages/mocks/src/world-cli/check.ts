/// <reference types="node" />
/** `customer-portal-world check FILE`: the world against the contract and the rules between records. */
import { describeBreach, WorldFileError } from '@customer-portal/core';
import { loadWorld } from '../load-world.js';
import { UsageError } from './usage-error.js';

/** @returns the exit code: 0 for a sound world, 1 for any breach. */
export async function check(args: string[], print: (line: string) => void): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError('check needs exactly one FILE.');
  try {
    const { world, inferred } = await loadWorld(file);
    print(
      `${file}: a sound world of ${world.customers.length} customers, ${world.orders.length} orders, ${world.returns.length} returns, ` +
        `${world.tickets.length} tickets and ${world.notifications.length} notifications` +
        (inferred.length > 0 ? `, ${inferred.length} of its records inferred.` : '.'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof WorldFileError) || error.breaches.length === 0) throw error;
    const count = error.breaches.length;
    print(`${file} breaks ${count === 1 ? 'a rule' : `${count} rules`}:`);
    for (const breach of error.breaches) print(`  ${describeBreach(breach)}`);
    return 1;
  }
}
