/** The contract's types, as generated into the SDK from openapi.yaml; nothing here restates the spec. */
import type { components, operations } from '@customer-portal/sdk';

export type {
  AddMessageRequest,
  CreateTicketRequest,
  Dashboard,
  FieldError,
  LoginRequest,
  Notification,
  Order,
  OrderStatus,
  OrderTracking,
  Problem,
  Profile,
  ProfileUpdate,
  RecentOrder,
  RecentTicket,
  Return,
  ReturnRequest,
  Settings,
  SettingsUpdate,
  Ticket,
  TicketMessage,
  TicketPriority,
  TicketStatus,
  TicketSummary,
  TokenResponse,
} from '@customer-portal/sdk';

export type Schemas = components['schemas'];
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
