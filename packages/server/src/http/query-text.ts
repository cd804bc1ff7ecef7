/**
 * A query string whose percent-encoding is not UTF-8 (`?search=%ED%A0%80`, a lone surrogate as bytes) is a
 * 422 naming the parameter. Koa's parser would read those bytes as U+FFFD and search for text the client
 * never sent; core's queryNotUtf8 is the rule the mocks apply too.
 */
import { queryNotUtf8, validationFailed } from '@customer-portal/core';
import type { Middleware } from 'koa';

export const refuseQueryNotUtf8: Middleware = async (ctx, next) => {
  const errors = queryNotUtf8(ctx.querystring);
  if (errors.length > 0) throw validationFailed(errors);
  await next();
};
