/**
 * One route per operation of the contract, generated from its operations: a route that is not in
 * openapi.yaml cannot exist. Each route only translates HTTP to a PortalRequest and the PortalResponse
 * back; core authenticates, validates and runs the operation.
 */
import { colonPath, type Operation, type Portal, type PortalRequest } from '@customer-portal/core';
import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { readBodyText, requestBody } from './request-body.js';
import { writeResponse } from './write-response.js';

export function addOperationRoutes(router: Router, portal: Portal): void {
  for (const operation of portal.operations) {
    const handle: Middleware = async (ctx) => writeResponse(ctx, await portal.handle(portalRequest(ctx, operation)));
    const middleware = operation.requestBody ? [readBodyText, handle] : [handle];
    router.register(colonPath(operation.path), [operation.method], middleware, { name: operation.operationId });
  }
}

function portalRequest(ctx: Context, operation: Operation): PortalRequest {
  return {
    operationId: operation.operationId,
    path: { ...(ctx.params as Record<string, string>) },
    query: queryOf(ctx),
    body: operation.requestBody ? requestBody(ctx) : undefined,
    authorization: ctx.get('Authorization') || null,
  };
}

/** The query as strings, a repeated key as an array of them (core's validator reports it as not a single value). */
function queryOf(ctx: Context): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(ctx.query)) if (value !== undefined) query[name] = value;
  return query;
}
