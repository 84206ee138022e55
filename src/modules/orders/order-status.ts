import { OrderStatus } from './entities/order.entity';
import { ORDERS_MESSAGES } from './orders.messages';
import { StatusMachine } from './status-machine';

/**
 * The one transition table of orders (CONTRACT.md C.6): `pending -> paid`, `pending ->
 * cancelled`, `paid -> refunded`; nothing leaves `cancelled` or `refunded`.
 */
export const ORDER_STATUS = new StatusMachine<OrderStatus>(
  'Order',
  {
    [OrderStatus.Pending]: [OrderStatus.Paid, OrderStatus.Cancelled],
    [OrderStatus.Paid]: [OrderStatus.Refunded],
    [OrderStatus.Cancelled]: [],
    [OrderStatus.Refunded]: [],
  },
  {
    [OrderStatus.Cancelled]: {
      [OrderStatus.Paid]: ORDERS_MESSAGES.paidCannotBeCancelled,
      [OrderStatus.Cancelled]: ORDERS_MESSAGES.alreadyCancelled,
      [OrderStatus.Refunded]: ORDERS_MESSAGES.refundedCannotBeCancelled,
    },
    [OrderStatus.Refunded]: {
      [OrderStatus.Pending]: ORDERS_MESSAGES.notPaid,
      [OrderStatus.Cancelled]: ORDERS_MESSAGES.cancelledCannotBeRefunded,
      [OrderStatus.Refunded]: ORDERS_MESSAGES.alreadyRefunded,
    },
  },
);
