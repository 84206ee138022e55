/**
 * The payments messages, exactly as the reference sends them (its sections 7.6-7.9, 8.5 and 11),
 * plus ours for what the reference never had. Shared by the code and the tests.
 */
export const PAYMENTS_MESSAGES = {
  noPendingOrder: 'No pending order found.',
  orderHasNoItems: 'Order has no items',
  somethingWentWrong: 'Something went wrong.',
  paymentSuccessful: 'Payment was successful! Thank you!',
  paymentCancelled: 'Payment was cancelled.',
  missingSignature: 'Missing Stripe signature header',
  invalidSignature: 'Invalid Stripe webhook signature.',
  invalidPayload: 'Invalid Stripe webhook payload.',
  orderNotFound: 'Order not found.',
  webhookHandled: 'Webhook handled',
  invalidStatus: "Invalid status value. Allowed values: ['successful', 'cancelled', 'refunded']",
  /** Ours (CONTRACT.md C.6): checkout re-validates the order against the catalog. */
  orderChanged: (changes: string[]) => `The order no longer matches the catalog: ${changes.join('; ')}. Cancel it and order again.`,
  priceChanged: (name: string, from: string, to: string) => `the price of "${name}" changed from ${from} to ${to}`,
  alreadyOwned: (name: string) => `"${name}" is already purchased`,
  /** Ours: `GET /payments/success/?session_id=` reports the session's real state. */
  sessionNotFound: 'Checkout session not found.',
  paymentProcessing: 'Payment is being processed.',
  paymentNotMade: 'Payment has not been made yet.',
  sessionExpired: 'Payment session has expired.',
} as const;
