import type { GatewayCheckoutSession, GatewayRefund, GatewayRefundStatus, SessionPaymentStatus, SessionState } from './payment-gateway';

/**
 * Readers of Stripe-shaped JSON (API answers and webhook event objects, from Stripe or the
 * simulator) into our types. A value of the wrong shape is a `StripeShapeError`.
 */
export class StripeShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StripeShapeError';
  }
}

export interface StripeEventEnvelope {
  id: string;
  type: string;
  object: Record<string, unknown>;
}

/** A charge's refund state (`charge.refunded`). */
export interface GatewayCharge {
  paymentIntentId: string | null;
  /** True once the whole amount is refunded. */
  refunded: boolean;
  refundIds: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(object: Json, key: string): string | null {
  const value = object[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new StripeShapeError(`"${key}" is not a string`);
  return value;
}

function requiredText(object: Json, key: string): string {
  const value = text(object, key);
  if (value === null) throw new StripeShapeError(`"${key}" is missing`);
  return value;
}

function integer(object: Json, key: string): number | null {
  const value = object[key];
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value)) throw new StripeShapeError(`"${key}" is not an integer`);
  return value as number;
}

function oneOf<T extends string>(object: Json, key: string, allowed: readonly T[]): T {
  const value = requiredText(object, key);
  if (!allowed.includes(value as T)) throw new StripeShapeError(`"${key}" is "${value}"`);
  return value as T;
}

/** An id field that Stripe may also send expanded into its object. */
function reference(object: Json, key: string): string | null {
  const value = object[key];
  if (isObject(value)) return requiredText(value, 'id');
  return text(object, key);
}

function metadata(object: Json): Record<string, string> {
  const value = object.metadata;
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** `{id, type, data: {object}}` of an event, or null if the JSON is not one. */
export function readEvent(value: unknown): StripeEventEnvelope | null {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.type !== 'string') return null;
  if (value.id.length === 0 || value.id.length > 255 || !isObject(value.data) || !isObject(value.data.object)) return null;
  return { id: value.id, type: value.type, object: value.data.object };
}

export function readCheckoutSession(object: unknown): GatewayCheckoutSession {
  if (!isObject(object)) throw new StripeShapeError('not an object');
  const expiresAt = integer(object, 'expires_at');
  return {
    id: requiredText(object, 'id'),
    url: text(object, 'url'),
    status: oneOf<SessionState>(object, 'status', ['open', 'complete', 'expired']),
    paymentStatus: oneOf<SessionPaymentStatus>(object, 'payment_status', ['paid', 'unpaid', 'no_payment_required']),
    amountTotal: integer(object, 'amount_total'),
    currency: text(object, 'currency'),
    paymentIntentId: reference(object, 'payment_intent'),
    expiresAt: expiresAt === null ? null : new Date(expiresAt * 1000),
    metadata: metadata(object),
  };
}

export function readRefund(object: unknown): GatewayRefund {
  if (!isObject(object)) throw new StripeShapeError('not an object');
  return {
    id: requiredText(object, 'id'),
    status: oneOf<GatewayRefundStatus>(object, 'status', ['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
    paymentIntentId: reference(object, 'payment_intent'),
    metadata: metadata(object),
    failureReason: text(object, 'failure_reason'),
  };
}

export function readCharge(object: unknown): GatewayCharge {
  if (!isObject(object)) throw new StripeShapeError('not an object');
  const refunds = isObject(object.refunds) && Array.isArray(object.refunds.data) ? object.refunds.data : [];
  return {
    paymentIntentId: reference(object, 'payment_intent'),
    refunded: object.refunded === true,
    refundIds: refunds.filter(isObject).map((refund) => requiredText(refund, 'id')),
  };
}
