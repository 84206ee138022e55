import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { OrderStatus } from './entities/order.entity';
import { ORDER_STATUS } from './order-status';
import { OrdersRepository } from './orders.repository';

const BATCH_SIZE = 200;

/**
 * Worker only: cancels unpaid orders older than `ORDER_TTL_MINUTES` (CONTRACT.md C.6). An order
 * that a checkout session may still pay (open and unexpired, or completed with its payment
 * settling) waits for that session to end, so nobody is charged for an order cancelled under
 * them. Batches commit one by one and skip rows a request holds.
 */
@Injectable()
export class OrderExpiry {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly orders: OrdersRepository,
  ) {}

  async run(manager: EntityManager): Promise<{ orders: number }> {
    ORDER_STATUS.assert(OrderStatus.Pending, OrderStatus.Cancelled);
    const createdBefore = new Date(Date.now() - this.config.orderTtlMinutes * 60_000);
    let total = 0;
    for (;;) {
      const cancelled = await manager.transaction(async (tx) => {
        const ids = await this.orders.lockExpired(tx, createdBefore, BATCH_SIZE);
        await this.orders.cancelMany(tx, ids);
        return ids.length;
      });
      total += cancelled;
      if (cancelled < BATCH_SIZE) return { orders: total };
    }
  }
}
