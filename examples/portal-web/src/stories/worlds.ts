/**
 * The worlds the stories show, each made for one state of a page: a change to a fresh copy of the fixtures'
 * sample world, so the story shows its state whatever the fixtures hold, and the rest of the portal (the
 * header, the dashboard, other orders) still looks lived in. Every story signs in as Ali Jawad (customer 1).
 * The mocks check each world against the contract when a story's handlers are made.
 */
import { scenarios, type SampleWorld } from '@customer-portal/mocks';
import type { OrderStatus } from '@customer-portal/sdk';

type World = (sample: SampleWorld) => SampleWorld;
type SampleOrder = SampleWorld['orders'][number];

const ALI = 1;

/** A customer who has just joined: no orders, returns, tickets or notifications (the mocks' `empty` scenario). */
export const newCustomer: World = scenarios.empty.world;

/** The order the order stories are about, and its two products. */
export const storyOrder = 'ORD500';
const espressoMachine = 'Espresso Machine';
const milkFrother = 'Milk Frother';

/** Where an order in each status is, as a shop would record it: nothing to track before it leaves. */
function shippingOf(status: OrderStatus): Pick<SampleOrder, 'tracking_number' | 'estimated_delivery' | 'shipment'> {
  if (status === 'PENDING' || status === 'PROCESSING' || status === 'CANCELLED') {
    return { tracking_number: null, estimated_delivery: status === 'CANCELLED' ? null : '2024-03-08T18:00:00Z', shipment: null };
  }
  const delivered = status !== 'SHIPPED';
  return {
    tracking_number: 'TRK500000500',
    estimated_delivery: '2024-03-05T18:00:00Z',
    shipment: {
      current_location: delivered ? 'Delivered, Mumbai' : 'Pune Sorting Centre',
      courier_name: 'FastShip Express',
      courier_contact: '+91-1800-123-4567',
    },
  };
}

/**
 * Ali's order ORD500 (an espresso machine and two milk frothers) in `status`, newest of his orders; a return
 * already requested for `returnRequestedFor` (product names) when given.
 *
 * @example
 * pageStory('/orders/ORD500/return', { world: orderIn('SHIPPED') }); // not returnable yet
 */
export function orderIn(status: OrderStatus, { returnRequestedFor = [] }: { returnRequestedFor?: string[] } = {}): World {
  const order: SampleOrder = {
    customer_id: ALI,
    id: storyOrder,
    status,
    total: 300,
    created_at: '2024-03-01T09:30:00Z',
    ...shippingOf(status),
    items: [
      { id: 'ITEM500', product_name: espressoMachine, quantity: 1, price: 249, subtotal: 249 },
      { id: 'ITEM501', product_name: milkFrother, quantity: 2, price: 25.5, subtotal: 51 },
    ],
  };
  const returns =
    returnRequestedFor.length === 0
      ? []
      : [
          {
            id: 'RET500',
            order_id: storyOrder,
            items: returnRequestedFor,
            reason: 'No longer needed',
            description: null,
            status: 'REQUESTED' as const,
            created_at: '2024-03-07T11:00:00Z',
          },
        ];
  return (world) => ({ ...world, orders: [order, ...world.orders], returns: [...world.returns, ...returns] });
}

/** A delivered order whose every item already has a return request: nothing is left to return. */
export const everyItemReturnRequested: World = orderIn('DELIVERED', { returnRequestedFor: [espressoMachine, milkFrother] });

/** Ali waiting for a refund: one return requested on a delivered order, counted on the dashboard. */
export const refundPending: World = orderIn('DELIVERED', { returnRequestedFor: [milkFrother] });

/** Ali's notifications all gone; the rest of his account as in the fixtures. */
export const noNotifications: World = (world) => ({ ...world, notifications: world.notifications.filter((n) => n.customer_id !== ALI) });

/** Every one of Ali's notifications already read. */
export const everyNotificationRead: World = (world) => ({
  ...world,
  notifications: world.notifications.map((n) => (n.customer_id === ALI ? { ...n, read: true } : n)),
});

/** The ticket the long conversation is on. */
export const longTicket = 'TKT500';

/**
 * Ali's ticket TKT500: thirty messages between him and an agent over a week, and one internal note of the
 * agent's in the middle, which the customer must never see.
 */
export const longConversation: World = (world) => {
  const start = Date.parse('2024-02-01T09:00:00Z');
  const messages = Array.from({ length: 30 }, (_, i) => {
    const fromAli = i % 2 === 0;
    return {
      id: `MSG50${String(i).padStart(2, '0')}`,
      sender_id: fromAli ? ALI : 101,
      sender_name: fromAli ? 'Ali Jawad' : 'Priya Sharma',
      sender_type: fromAli ? ('customer' as const) : ('agent' as const),
      content: fromAli ? `Message ${i + 1}: the coffee grinder still stops after a few seconds.` : `Message ${i + 1}: thank you, Ali, we are looking into it.`,
      timestamp: new Date(start + i * 5 * 60 * 60 * 1000).toISOString().replace('.000Z', 'Z'),
      is_internal: false,
    };
  });
  const note = {
    id: 'MSG5099',
    sender_id: 101,
    sender_name: 'Priya Sharma',
    sender_type: 'agent' as const,
    content: 'Internal: replace the grinder if it fails again.',
    timestamp: messages[15]!.timestamp,
    is_internal: true,
  };
  const ticket = {
    customer_id: ALI,
    id: longTicket,
    subject: 'Coffee grinder keeps stopping',
    status: 'IN_PROGRESS' as const,
    priority: 'HIGH' as const,
    order_id: null,
    created_at: messages[0]!.timestamp,
    updated_at: messages.at(-1)!.timestamp,
    messages: [...messages.slice(0, 16), note, ...messages.slice(16)],
  };
  return { ...world, tickets: [ticket, ...world.tickets] };
};
