/** The "SQLite or PostgreSQL" section of docs/performance.md: when to choose which, with the figures in performance-stores.md. */
export const CHOOSING_A_STORE = `## SQLite or PostgreSQL

Side-by-side figures, and PostgreSQL's growth up to a million orders: [performance-stores.md](performance-stores.md)
(\`npm run bench:stores\`, which needs a PostgreSQL cluster: \`eval "$(.ci/postgres start)"\`).

- **SQLite (the default)** for one developer's machine, a CI job that starts its own server, or the example
  app: nothing to install or run, the data is one file, every read and write is a function call in the
  server's own process. On one machine it answers as fast or faster than PostgreSQL: there is no round trip.
- **PostgreSQL (\`DATABASE_URL\`)** when several processes or hosts must share one world: a team's shared
  server, test environments behind a load balancer, \`WORKERS\` above 1. Its invariants hold across
  processes (one return per item, every reply, no lost profile update: the tests race two processes for
  them), and it keeps writing while it is being read. Each call is a network round trip, so a single
  process is slower than on SQLite; extra processes pay off only with cores to spare: on this two-core machine,
  shared with the database and the load generator, a second process mostly adds contention.
- A page costs the same at ten thousand and at a million orders on either store: both read a customer's
  rows through the same per-customer indexes.`;
