import { BadGatewayException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { HTTP_MESSAGES } from '../../../common/http/http-exception.filter';
import type { AppConfig } from '../../../core/config/app-config';
import { InjectConfig } from '../../../core/config/config.module';
import { PaymentGateway, PaymentGatewayError } from '../gateway/payment-gateway';
import { SimulatedPaymentGateway, type SimulatedSession } from '../gateway/simulated-payment-gateway';
import { stripeSignatureHeader } from '../gateway/stripe-signature';
import { renderCheckoutPage } from './simulator-page';

/** The webhook route the simulator delivers to, as Stripe would. */
const WEBHOOK_PATH = '/payments/webhook/';

/**
 * The person-facing half of the payment simulator (CONTRACT.md C.7): its checkout page and the
 * "Pay" button, which pays the session and delivers a `checkout.session.completed` event,
 * shaped and signed exactly as Stripe's (`Stripe-Signature`, HMAC-SHA256 with the webhook
 * secret), to the webhook route through the HTTP stack. Everything answers 404 when Stripe is
 * configured.
 */
@Injectable()
export class SimulatorService {
  constructor(
    private readonly gateway: PaymentGateway,
    @InjectConfig() private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async page(sessionId: string): Promise<string> {
    return renderCheckoutPage(await this.session(sessionId));
  }

  /**
   * Pays the session and delivers its event; returns where Stripe would send the browser. Paying
   * again re-delivers the same event (same id), which the webhook answers without effect.
   */
  async pay(sessionId: string): Promise<{ url: string; statusCode: number }> {
    await this.session(sessionId);
    let session: SimulatedSession;
    try {
      session = await this.simulator().pay(sessionId);
    } catch (error) {
      if (error instanceof PaymentGatewayError) throw new ConflictException(error.message);
      throw error;
    }
    await this.deliver(completedEvent(session));
    return { url: session.success_url.replace('{CHECKOUT_SESSION_ID}', encodeURIComponent(session.id)), statusCode: 303 };
  }

  private async deliver(event: object): Promise<void> {
    const payload = JSON.stringify(event);
    const response = await this.adapterHost.httpAdapter.getInstance<FastifyInstance>().inject({
      method: 'POST',
      url: WEBHOOK_PATH,
      payload,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': stripeSignatureHeader(payload, this.config.stripe.webhookSecret),
      },
    });
    if (response.statusCode !== 200) {
      throw new BadGatewayException(`The webhook answered ${response.statusCode}: ${response.body}. Pay again to retry.`);
    }
  }

  private async session(sessionId: string): Promise<SimulatedSession> {
    try {
      return await this.simulator().session(sessionId);
    } catch (error) {
      if (error instanceof PaymentGatewayError) throw new NotFoundException(HTTP_MESSAGES.notFound);
      throw error;
    }
  }

  private simulator(): SimulatedPaymentGateway {
    if (!(this.gateway instanceof SimulatedPaymentGateway)) throw new NotFoundException(HTTP_MESSAGES.notFound);
    return this.gateway;
  }
}

/** The event Stripe sends when a Checkout Session is paid; one id per session. */
function completedEvent(session: SimulatedSession): object {
  const id = `evt_sim_${createHash('sha256').update(`${session.id}:completed`).digest('hex').slice(0, 24)}`;
  return {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
  };
}
