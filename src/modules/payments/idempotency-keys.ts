/**
 * Idempotency keys sent to the gateway. Each names one attempt for good, whatever retries it
 * takes; the creation time keeps the keys of a recreated database (ids restarting at 1) apart
 * from the ones the gateway still remembers.
 */
export function checkoutIdempotencyKey(order: { id: number; createdAt: Date }, attempt: number): string {
  return `checkout-${order.id}-${order.createdAt.getTime()}-${attempt}`;
}

export function refundIdempotencyKey(refund: { id: number; createdAt: Date }): string {
  return `refund-${refund.id}-${refund.createdAt.getTime()}`;
}
