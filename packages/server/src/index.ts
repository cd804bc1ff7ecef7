/**
 * The reference server of the Customer Portal API: Koa + SQLite, HS256 JWTs, every request and response
 * checked against openapi.yaml. A thin host over @customer-portal/core.
 *
 * @example
 * import { startServer } from '@customer-portal/server';
 * const server = await startServer({ port: 0, databasePath: '/tmp/portal.db', log: false });
 * const login = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ email: 'ali.jawad@example.com', password: 'customer123' }) });
 * await server.close();
 */
export { createApp, type AppOptions } from './app.js';
export { jwtSecretFile, resolveJwtSecret, type JwtSecret } from './auth/jwt-secret.js';
export { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './auth/password.js';
export { createServerAuth } from './auth/server-auth.js';
export { createTokenService, TOKEN_LIFETIME_SECONDS, type TokenService } from './auth/tokens.js';
export { DEFAULT_HOST, DEFAULT_PORT, resolveConfig, type ServerConfig, type ServerOptions } from './config.js';
export { LOCAL_ORIGINS } from './http/cors.js';
export { createLogger, type LogFormat, type Logger, type LoggerOptions } from './logger.js';
export { startServer, type RunningServer } from './start-server.js';
export { DEFAULT_DATABASE_PATH, deleteDatabase, IN_MEMORY, openDatabase, type Database } from './store/database.js';
export { migrate, migrations, SCHEMA_VERSION, type Migration } from './store/migrations.js';
export { seedDatabase, seedIfEmpty, type SeedOptions } from './store/seed.js';
export { resetDatabase } from './store/reset.js';
export { createSqliteStore } from './store/sqlite-store.js';
// What a server on PostgreSQL needs before `pg` is loaded; the PostgreSQL store itself, whose types need `pg`,
// is '@customer-portal/server/postgres' (postgres.ts).
export { DEFAULT_POOL_SIZE, describeUrl, isPostgresUrl } from './store/postgres/url.js';
// For test harnesses that start servers on throwaway databases (loads `pg` when called).
export { createScratchDatabase, type ScratchDatabase } from './store/postgres/scratch-database.js';
export { openStore, type OpenStore } from './store/open-store.js';
export { startWorkers, type Workers } from './workers.js';
