/// <reference types="node" />
/** `customer-portal-world generate`: a world of any size from a seed, the same bytes for the same options. */
import { parseArgs } from 'node:util';
import { GENERATED_PASSWORD, generateWorldRecords, worldFileTextPieces, type WorldRecord } from '@customer-portal/core';
import { UsageError } from './usage-error.js';
import { writeWhole } from './write-file.js';

function wholeNumber(name: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`generate needs --${name} N.`);
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  return Number(value);
}

function range(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,6})\.\.(\d{1,6})$/.exec(value) ?? /^(\d{1,6})$/.exec(value);
  const [min, max] = match ? [Number(match[1]), Number(match[2] ?? match[1])] : [NaN, NaN];
  if (!match || min > max) throw new UsageError(`--orders-per-customer must be MIN..MAX with MIN <= MAX (e.g. 3..12), not "${value}".`);
  return [min, max];
}

export async function generate(args: string[], print: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { seed: { type: 'string' }, customers: { type: 'string' }, 'orders-per-customer': { type: 'string' }, out: { type: 'string' } },
  });
  const seed = wholeNumber('seed', values.seed);
  const customers = wholeNumber('customers', values.customers);
  const ordersPerCustomer = range(values['orders-per-customer']);
  if (!values.out) throw new UsageError('generate needs --out FILE.');
  const options = { seed, customers, ...(ordersPerCustomer && { ordersPerCustomer }) };
  // Written record by record (one pass of the generator per kind of record): a world of millions of orders
  // never has to be one string. The first pass counts.
  const counts = { customers: 0, orders: 0, returns: 0, tickets: 0, notifications: 0 };
  let firstEmail: string | undefined;
  let passes = 0;
  const records = function* (): Generator<WorldRecord> {
    const counting = passes++ === 0;
    for (const record of generateWorldRecords(options)) {
      if (counting) {
        counts[record.kind]++;
        if (record.kind === 'customers') firstEmail ??= record.record.email;
      }
      yield record;
    }
  };
  await writeWhole(values.out, worldFileTextPieces(records));
  print(
    `${values.out}: ${counts.customers} customers, ${counts.orders} orders, ${counts.returns} returns, ` +
      `${counts.tickets} tickets, ${counts.notifications} notifications (seed ${seed}); ` +
      `every customer signs in with the password ${GENERATED_PASSWORD}${firstEmail ? `, e.g. ${firstEmail}` : ''}.`,
  );
}
