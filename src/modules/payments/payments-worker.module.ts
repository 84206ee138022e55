import { Module } from '@nestjs/common';
import { OrderExpiry } from '../orders/order-expiry';
import { OrdersCoreModule } from '../orders/orders-core.module';
import { PaymentsCoreModule } from './payments-core.module';
import { RefundRetry } from './refund-retry';

/** The worker's share of orders and payments: the tasks `TasksModule` schedules. */
@Module({
  imports: [OrdersCoreModule, PaymentsCoreModule],
  providers: [OrderExpiry, RefundRetry],
  exports: [OrderExpiry, RefundRetry],
})
export class PaymentsWorkerModule {}
