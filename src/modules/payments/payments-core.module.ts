import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { OrdersCoreModule } from '../orders/orders-core.module';
import { CheckoutSessionsRepository } from './checkout-sessions.repository';
import { CheckoutSettlement } from './checkout-settlement';
import { CheckoutService } from './checkout.service';
import { paymentGatewayProvider } from './gateway/payment-gateway.provider';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentsRepository } from './payments.repository';
import { RefundService } from './refund.service';
import { RefundsRepository } from './refunds.repository';

/** Everything here is also what the module offers to the API and the worker modules. */
const PROVIDERS = [
  paymentGatewayProvider,
  CheckoutSessionsRepository,
  PaymentsRepository,
  RefundsRepository,
  PaymentEventsRepository,
  CheckoutService,
  CheckoutSettlement,
  RefundService,
];

/**
 * The money rules, for the API and the worker alike: the payment gateway, checkout sessions,
 * settlement of checkout events and refunds.
 */
@Module({
  imports: [OrdersCoreModule, MailModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class PaymentsCoreModule {}
