/** Named types for every schema of the contract, e.g. `Order`, `Ticket`, `Profile`. */
import type { components, operations } from './generated/openapi.js';

type Schemas = components['schemas'];

export type AddMessageRequest = Schemas['AddMessageRequest'];
export type CreateTicketRequest = Schemas['CreateTicketRequest'];
export type Dashboard = Schemas['Dashboard'];
export type DashboardStats = Schemas['DashboardStats'];
export type FieldError = Schemas['FieldError'];
export type GeneralSettings = Schemas['GeneralSettings'];
export type LoginRequest = Schemas['LoginRequest'];
export type Notification = Schemas['Notification'];
export type NotificationSettings = Schemas['NotificationSettings'];
export type Order = Schemas['Order'];
export type OrderItem = Schemas['OrderItem'];
export type OrderStatus = Schemas['OrderStatus'];
export type OrderTracking = Schemas['OrderTracking'];
export type Preferences = Schemas['Preferences'];
export type Problem = Schemas['Problem'];
export type Profile = Schemas['Profile'];
export type ProfileUpdate = Schemas['ProfileUpdate'];
export type RecentOrder = Schemas['RecentOrder'];
export type RecentTicket = Schemas['RecentTicket'];
export type Return = Schemas['Return'];
export type ReturnRequest = Schemas['ReturnRequest'];
export type ReturnStatus = Schemas['ReturnStatus'];
export type Settings = Schemas['Settings'];
export type SettingsUpdate = Schemas['SettingsUpdate'];
export type Theme = Schemas['Theme'];
export type Ticket = Schemas['Ticket'];
export type TicketMessage = Schemas['TicketMessage'];
export type TicketPriority = Schemas['TicketPriority'];
export type TicketStatus = Schemas['TicketStatus'];
export type TicketSummary = Schemas['TicketSummary'];
export type TokenResponse = Schemas['TokenResponse'];
export type TrackingStep = Schemas['TrackingStep'];

/** The status filter of `GET /orders`: a status or `all`, in any case. */
export type OrderStatusFilter = 'all' | OrderStatus | Lowercase<OrderStatus>;
/** The status filter of `GET /tickets`: a status or `all`, in any case, with `in-progress` for IN_PROGRESS. */
export type TicketStatusFilter = 'all' | 'in-progress' | TicketStatus | Lowercase<TicketStatus>;

export type OperationId = keyof operations;
