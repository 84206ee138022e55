import { Module } from '@nestjs/common';
import { OrdersRepository } from './orders.repository';
import { PurchasesRepository } from './purchases.repository';

/** The order and purchase queries, shared by the orders routes, payments and the worker. */
@Module({
  providers: [OrdersRepository, PurchasesRepository],
  exports: [OrdersRepository, PurchasesRepository],
})
export class OrdersCoreModule {}
