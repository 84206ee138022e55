/**
 * The orders messages, exactly as the reference sends them (its sections 7.2-7.5 and 8.3; note
 * which ones end with a period), plus ours for what the reference never had. Shared by the code
 * and the tests.
 */
export const ORDERS_MESSAGES = {
  cartEmpty: 'Cart is empty.',
  pendingOrderExists: 'You already have an unpaid (pending) order.',
  alreadyPurchased: 'Some movies already purchased',
  orderNotFound: 'Order with given ID was not found.',
  paidCannotBeCancelled: 'Paid orders cannot be cancelled. Please request a refund.',
  alreadyCancelled: 'Order is already cancelled.',
  cancelled: 'Order successfully cancelled.',
  cancelledCannotBeRefunded: 'Cancelled orders cannot be refunded.',
  notPaid: 'Order is not paid.',
  noValidPayment: 'No valid payment found to refund.',
  stripeRefundError: (reason: string) => `Stripe refund error: ${reason}`,
  refunded: 'Order successfully refunded.',
  invalidDate: 'Invalid date format. Use YYYY-MM-DD',
  /** The reference's list, with the `refunded` status of CONTRACT.md C.6. */
  invalidStatus: "Invalid status value. Allowed values: ['pending', 'paid', 'cancelled', 'refunded']",
  /** Ours: the `refunded` status is new (CONTRACT.md C.6). */
  refundedCannotBeCancelled: 'Refunded orders cannot be cancelled.',
  alreadyRefunded: 'Order is already refunded.',
  /** Ours: a refund was recorded and its outcome is not known yet. */
  refundInProgress: 'A refund of this order is already in progress.',
} as const;
