import { trackingStepLabelValues } from '@customer-portal/sdk';
import { notFound } from '../errors.js';
import type { OperationInput, Order, OrderStatus, OrderTracking } from '../types.js';
import { listed, ok, pageOf, searchTerm, statusFilter, type OperationContext, type OperationResult } from './context.js';

export async function listOrders(
  { query }: OperationInput<'listOrders'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Order[]>> {
  const status = statusFilter<OrderStatus>(query.status);
  const search = searchTerm(query.search);
  return listed(await store.listOrders(customer.id, { ...pageOf(query), ...(status && { status }), ...(search && { search }) }));
}

export async function getOrder(
  { path }: OperationInput<'getOrder'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<Order>> {
  const order = await store.getOrder(customer.id, path.order_id);
  if (!order) throw orderNotFound(path.order_id);
  const { shipment: _shipment, ...visible } = order;
  return ok(visible);
}

/** How many of the five steps each status has completed (see trackOrder in openapi.yaml). */
const COMPLETED_STEPS: Record<OrderStatus, number> = {
  PENDING: 1,
  CANCELLED: 1,
  PROCESSING: 2,
  SHIPPED: 4,
  DELIVERED: 5,
  RETURNED: 5,
};

export async function trackOrder(
  { path }: OperationInput<'trackOrder'>,
  { store, customer }: OperationContext,
): Promise<OperationResult<OrderTracking>> {
  const order = await store.getOrder(customer.id, path.order_id);
  if (!order) throw orderNotFound(path.order_id);
  const completed = COMPLETED_STEPS[order.status];
  return ok({
    order_id: order.id,
    status: order.status,
    tracking_number: order.tracking_number,
    current_location: order.shipment?.current_location ?? null,
    estimated_delivery: order.estimated_delivery,
    courier_name: order.shipment?.courier_name ?? null,
    courier_contact: order.shipment?.courier_contact ?? null,
    steps: trackingStepLabelValues.map((label, index) => ({
      label,
      completed: index < completed,
      current: index === completed - 1,
    })),
  });
}

export function orderNotFound(orderId: string) {
  return notFound(`Order ${orderId} was not found.`);
}
