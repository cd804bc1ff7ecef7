#!/usr/bin/env node
/**
 * `npm run bench:data -- --customers 10000 --orders 1000000`: a SQLite database in the server's schema with
 * the sample world plus generated customers. Serve it with `DATABASE_PATH=<file> npm start`; every generated
 * customer signs in with the sample password (customer123).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from './contenders.js';
import { buildSqlite } from './data.js';

try {
  const { values } = parseArgs({ options: { customers: { type: 'string', default: '10000' }, orders: { type: 'string', default: '1000000' }, out: { type: 'string' } } });
  const customers = Number(values.customers);
  const orders = Number(values.orders);
  if (!Number.isInteger(customers) || !Number.isInteger(orders)) throw new Error('Usage: npm run bench:data -- [--customers N] [--orders N] [--out FILE]');
  const out = values.out ?? join(repoRoot, 'data', 'bench', `portal-${orders}.db`);
  const data = await buildSqlite(out, { customers, orders, heavyCustomerOrders: Math.min(1000, orders - 1) });
  console.log(`${out}: ${customers} customers, ${orders} orders in ${data.seconds.toFixed(1)} s (${Math.round(data.fileMb)} MB); ${data.heavyCustomer.email} has ${data.heavyCustomer.orders}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
