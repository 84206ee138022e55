import { Module } from '@nestjs/common';
import { AdminPaymentsController } from './admin-payments.controller';
import { PaymentsCoreModule } from './payments-core.module';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { SimulatorController } from './simulator/simulator.controller';
import { SimulatorService } from './simulator/simulator.service';
import { WebhookService } from './webhook.service';

/** The payments routes: checkout, the webhook, payment lists and the simulator's page. */
@Module({
  imports: [PaymentsCoreModule],
  controllers: [PaymentsController, AdminPaymentsController, SimulatorController],
  providers: [PaymentsService, WebhookService, SimulatorService],
})
export class PaymentsModule {}
