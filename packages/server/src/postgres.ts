/**
 * The PostgreSQL store of the reference server, for code that opens, seeds or serves a PostgreSQL database
 * itself. Its own entry point, so that an app on SQLite never needs `pg` (an optional peer dependency of
 * the server: `npm install pg` to use this); `startServer({ databaseUrl })` loads it on its own.
 *
 * @example
 * import { createPostgresStore, openPostgres } from '@customer-portal/server/postgres';
 * const store = createPostgresStore(await openPostgres(process.env.DATABASE_URL!));
 * const portal = createPortal({ store, auth });
 */
export { openPostgres, type PostgresOptions } from './store/postgres/database.js';
export { migratePostgres, POSTGRES_SCHEMA_VERSION, postgresMigrations } from './store/postgres/migrations.js';
export { createPostgresStore } from './store/postgres/postgres-store.js';
export { resetPostgres, seedPostgres, seedPostgresIfEmpty } from './store/postgres/seed.js';
