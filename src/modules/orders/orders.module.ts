import { Module } from '@nestjs/common';
import { CartModule } from '../cart/cart.module';
import { PaymentsCoreModule } from '../payments/payments-core.module';
import { AdminOrdersController } from './admin-orders.controller';
import { OrdersCoreModule } from './orders-core.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';
import { PurchasesController } from './purchases.controller';
import { PurchasesService } from './purchases.service';

/** The orders routes, the admin order list and the caller's purchases. */
@Module({
  imports: [OrdersCoreModule, CartModule, PaymentsCoreModule],
  controllers: [OrdersController, AdminOrdersController, PurchasesController],
  providers: [OrdersService, PurchasesService],
})
export class OrdersModule {}
