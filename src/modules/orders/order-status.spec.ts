import { ConflictException } from '@nestjs/common';
import { OrderStatus } from './entities/order.entity';
import { ORDER_STATUS } from './order-status';
import { ORDERS_MESSAGES } from './orders.messages';

describe('ORDER_STATUS', () => {
  const all = Object.values(OrderStatus);
  const allowed = new Set([
    `${OrderStatus.Pending}>${OrderStatus.Paid}`,
    `${OrderStatus.Pending}>${OrderStatus.Cancelled}`,
    `${OrderStatus.Paid}>${OrderStatus.Refunded}`,
  ]);

  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s -> %s follows CONTRACT.md C.6', (from, to) => {
    expect(ORDER_STATUS.can(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it.each([
    [OrderStatus.Paid, OrderStatus.Cancelled, ORDERS_MESSAGES.paidCannotBeCancelled],
    [OrderStatus.Cancelled, OrderStatus.Cancelled, ORDERS_MESSAGES.alreadyCancelled],
    [OrderStatus.Refunded, OrderStatus.Cancelled, ORDERS_MESSAGES.refundedCannotBeCancelled],
    [OrderStatus.Pending, OrderStatus.Refunded, ORDERS_MESSAGES.notPaid],
    [OrderStatus.Cancelled, OrderStatus.Refunded, ORDERS_MESSAGES.cancelledCannotBeRefunded],
    [OrderStatus.Refunded, OrderStatus.Refunded, ORDERS_MESSAGES.alreadyRefunded],
    [OrderStatus.Cancelled, OrderStatus.Paid, 'Order cannot change from cancelled to paid.'],
  ])('refuses %s -> %s with a 409 "%s"', (from, to, message) => {
    let thrown: unknown;
    try {
      ORDER_STATUS.assert(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConflictException);
    expect((thrown as ConflictException).message).toBe(message);
  });

  it('lets an allowed move through', () => {
    expect(() => ORDER_STATUS.assert(OrderStatus.Pending, OrderStatus.Paid)).not.toThrow();
  });
});
