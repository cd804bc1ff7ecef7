/**
 * One route per operation of the contract, generated from its operations: a route that is not in
 * openapi.yaml cannot exist. Each route only translates HTTP to a PortalRequest and the PortalResponse
 * back; core authenticates, validates and runs the operation.
 */
import type { Operation, Portal, PortalRequest } from '@customer-portal/core';
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { readJsonBody } from './request-body.js';
import { writeResponse } from './write-response.js';

/** An OpenAPI path template as a router path: `/orders/{order_id}` -> `/orders/:order_id`. */
export function routerPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

export function addOperationRoutes(router: Router, portal: Portal): void {
  for (const operation of portal.operations) {
    const handle: Middleware = async (ctx) => writeResponse(ctx, await portal.handle(portalRequest(ctx, operation)));
    router.register(routerPath(operation.path), [operation.method], [handle], { name: operation.operationId });
  }
}

function portalRequest(ctx: Context, operation: Operation): PortalRequest {
  return {
    operationId: operation.operationId,
    path: { ...(ctx.params as Record<string, string>) },
    query: queryOf(ctx),
    body: undefined,
    // Read by core after it has checked the token, so an anonymous client never reaches the parsers.
    ...(operation.requestBody && { readBody: () => readJsonBody(ctx) }),
    authorization: ctx.get('Authorization') || null,
  };
}

/** The query as strings, a repeated key as an array of them (core's validator reports it as not a single value). */
function queryOf(ctx: Context): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(ctx.query)) if (value !== undefined) query[name] = value;
  return query;
}
