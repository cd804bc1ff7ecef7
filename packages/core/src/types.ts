/** The contract's types, as generated into the SDK from openapi.yaml; nothing here restates the spec. */
import type { operations } from '@customer-portal/sdk';

export type {
  Dashboard,
  FieldError,
  Notification,
  Order,
  OrderStatus,
  OrderTracking,
  Problem,
  Profile,
  Return,
  Settings,
  Theme,
  Ticket,
  TicketMessage,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  TokenResponse,
} from '@customer-portal/sdk';

export type OperationId = keyof operations;

type Parameters<K extends OperationId> = operations[K]['parameters'];
type JsonBody<K extends OperationId> = operations[K] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : undefined;

/**
 * What an operation receives once the request has passed validation: path parameters and query coerced to
 * their schema types (ajv also fills in the spec's defaults, but the types stay optional), and the parsed body.
 */
export interface OperationInput<K extends OperationId> {
  path: Parameters<K> extends { path: infer P } ? (P extends Record<string, unknown> ? P : object) : object;
  query: Parameters<K> extends { query?: infer Q } ? (Q extends Record<string, unknown> ? Q : object) : object;
  body: JsonBody<K>;
}
