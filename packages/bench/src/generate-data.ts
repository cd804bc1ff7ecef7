#!/usr/bin/env node
/**
 * `npm run bench:data -- --customers 10000 --orders 1000000`: a database in the server's schema with the
 * sample world plus N generated customers and their orders, items, returns, tickets, messages and
 * notifications. Serve it with `DATABASE_PATH=<file> npm start`; every generated customer signs in with the
 * sample password (customer123).
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { buildDatabase } from './generator/build-database.js';
import { repoRoot } from './paths.js';
import { ordersProgressBar } from './progress-bar.js';

const USAGE = `Usage: npm run bench:data -- --customers N --orders N [--heavy N] [--out FILE]

  --customers N   customers to generate (default 10000)
  --orders N      orders to generate in total (default 1000000)
  --heavy N       orders of the first generated customer (default 1000)
  --out FILE      the database file, replaced if it exists (default data/bench/portal-<orders>.db)`;

function whole(name: string, value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not '${value}'.\n\n${USAGE}`);
  return n;
}

try {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      orders: { type: 'string' },
      heavy: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    const customers = whole('customers', values.customers, 10_000);
    const orders = whole('orders', values.orders, 1_000_000);
    const heavyCustomerOrders = Math.min(whole('heavy', values.heavy, 1000), orders);
    const out = values.out ?? join(repoRoot, 'data', 'bench', `portal-${orders}.db`);
    const bar = ordersProgressBar('orders', orders);
    const built = buildDatabase(out, { customers, orders, heavyCustomerOrders }, (done) => bar.update(done));
    bar.stop();
    const c = built.counts;
    console.log(
      `${out}: ${c.customers} customers, ${c.orders} orders, ${c.orderItems} items, ${c.returns} returns, ` +
        `${c.tickets} tickets, ${c.messages} messages, ${c.notifications} notifications ` +
        `in ${built.seconds.toFixed(1)} s (${Math.round(built.fileBytes / 2 ** 20)} MB).\n` +
        `${built.heavyCustomer.email} (password customer123) has ${built.heavyCustomer.orders} orders.`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
