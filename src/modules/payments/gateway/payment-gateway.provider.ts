import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../../core/config/app-config';
import { APP_CONFIG } from '../../../core/config/config.module';
import { REDIS } from '../../../core/redis/redis.module';
import { PaymentGateway } from './payment-gateway';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';
import { StripeGateway } from './stripe-gateway';

/** Stripe when `STRIPE_SECRET_KEY` is set, the local simulator otherwise (refused in production by the config). */
export const paymentGatewayProvider: Provider = {
  provide: PaymentGateway,
  inject: [APP_CONFIG, REDIS],
  useFactory: (config: AppConfig, redis: Redis): PaymentGateway =>
    config.stripe.secretKey
      ? new StripeGateway({ secretKey: config.stripe.secretKey, apiUrl: config.stripe.apiUrl })
      : new SimulatedPaymentGateway(redis, config.redisPrefix, config.appUrl),
};
