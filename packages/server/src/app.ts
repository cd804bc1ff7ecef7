/** The Koa application: a thin host over core's portal (see ARCHITECTURE.md, "Data flow of one request"). */
import { createPortal, describeViolation, type AroundOperationStep, type ContractValidator, type HostAuth, type PortalStore } from '@customer-portal/core';
import Koa, { type Context } from 'koa';
import { createSignInThrottle, type SignInThrottle } from './auth/sign-in-throttle.js';
import { accessLog, customerOfRequest, nameTheOperation } from './http/access-log.js';
import { corsFor, LOCAL_ORIGINS, securityHeaders } from './http/response-headers.js';
import { errorHandler, operationRoutes, signInThrottleStep } from './http/operation-routes.js';
import { rememberedResponses, type DataVersion } from './http/remembered-responses.js';
import { routesAroundTheApi } from './http/routes-around-the-api.js';
import { createLogger, type Logger } from './logger.js';

export interface AppOptions {
  store: PortalStore;
  auth: HostAuth;
  /** Check every response against the contract; a breach becomes a 500 and a log line (default true). */
  validateResponses?: boolean;
  /** The logger of access-log, contract-violation and error entries (default: createLogger(), stdout); false for none. */
  log?: false | Logger;
  /** Origins allowed to call from a browser (default: any port of localhost and 127.0.0.1). */
  corsOrigins?: (string | RegExp)[];
  /** A compiled contract validator to share between apps. */
  validator?: ContractValidator;
  /** The current time as an RFC 3339 UTC timestamp (default: the clock). */
  now?: () => string;
  /** Sign-in throttling per account and address (default: ACCOUNT_POLICY and ADDRESS_POLICY); false for none. */
  signInThrottle?: SignInThrottle | false;
  /** Take the client address from X-Forwarded-For (default false: the socket's address). */
  trustProxy?: boolean;
  /**
   * Changes whenever the data may have changed; when given, a GET answered before is answered again from
   * memory while it stays the same (http/remembered-responses.ts). Default: every request is worked out.
   */
  dataVersion?: DataVersion;
  /** Throws (or rejects) when the app cannot serve; /healthz then answers its problem, 500 or 503 (default: always healthy). */
  checkHealth?: () => void | Promise<void>;
}

/**
 * The portal as a Koa application, over any store and auth.
 *
 * @example
 * const app = createApp({ store: createSqliteStore(openDatabase('data/portal.db')), auth, log: false });
 * http.createServer(app.callback()).listen(3000);
 */
export function createApp(options: AppOptions): Koa {
  const log = options.log === false ? undefined : (options.log ?? createLogger());
  const throttle = options.signInThrottle === false ? undefined : (options.signInThrottle ?? createSignInThrottle());
  const aroundOperation: AroundOperationStep<Context>[] = [];
  if (throttle) aroundOperation.push(signInThrottleStep(throttle));
  if (options.dataVersion) aroundOperation.push(rememberedResponses(options.dataVersion));
  const portal = createPortal<Context>({
    store: options.store,
    auth: options.auth,
    validateResponses: options.validateResponses ?? true,
    ...(options.validator && { validator: options.validator }),
    ...(options.now && { now: options.now }),
    onContractViolation: (violation) => log?.error({ operation: violation.operationId, status: violation.status, errors: violation.errors }, describeViolation(violation)),
    onUnexpectedError: (error, operationId) => log?.error({ operation: operationId, err: error }, `${operationId} failed`),
    steps: { beforeSignIn: [nameTheOperation], aroundOperation },
  });

  const app = new Koa({ proxy: options.trustProxy ?? false });
  // Errors are answered by errorHandler; what still reaches Koa (a client gone mid-stream) is only logged.
  app.silent = true;
  app.on('error', (error: Error) => log?.warn(`response failed: ${error.message}`));
  app.use(accessLog(log, { trustProxy: options.trustProxy ?? false, customerOf: customerOfRequest(options.auth) }));
  app.use(errorHandler(log));
  app.use(securityHeaders);
  app.use(corsFor(options.corsOrigins ?? LOCAL_ORIGINS));
  app.use(operationRoutes(portal));
  // The routes around the API (/healthz, /openapi.*, /docs), then a 404 or 405 for any other path.
  app.use(routesAroundTheApi(options.checkHealth ?? (() => {})));
  return app;
}
