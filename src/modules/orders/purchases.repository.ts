import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Purchase } from './entities/purchase.entity';
import type { Page } from './orders.repository';

export interface PurchaseRow {
  id: number;
  purchasedAt: Date;
  orderId: number | null;
  movieUuid: string;
  movieName: string;
  movieYear: number;
  moviePrice: string;
}

/** The queries on `purchases`: the movies a user owns. */
@Injectable()
export class PurchasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Grants the order's movies to its owner. A movie the user already owns (an imported purchase)
   * is left as it is rather than failing the payment.
   */
  async grantOrder(tx: EntityManager, orderId: number, userId: number): Promise<void> {
    await tx.query(
      `INSERT INTO purchases (user_id, movie_id, order_id)
       SELECT $2, oi.movie_id, $1 FROM order_items oi WHERE oi.order_id = $1 ORDER BY oi.id
       ON CONFLICT ON CONSTRAINT unique_user_movie_purchase DO NOTHING`,
      [orderId, userId],
    );
  }

  /** Takes back what the order granted (a refund); returns how many went. */
  async revokeOrder(tx: EntityManager, orderId: number): Promise<number> {
    const result = await tx.delete(Purchase, { orderId });
    return result.affected ?? 0;
  }

  /** The user's movies, most recently bought first. */
  async listForUser(userId: number, window: { offset: number; limit: number }): Promise<Page<PurchaseRow>> {
    const query = this.dataSource.manager.createQueryBuilder(Purchase, 'p').where('p.userId = :userId', { userId });
    const total = await query.getCount();
    const rows = await query
      .innerJoin('p.movie', 'm')
      .select('p.id', 'id')
      .addSelect('p.purchasedAt', 'purchasedAt')
      .addSelect('p.orderId', 'orderId')
      .addSelect('m.uuid', 'movieUuid')
      .addSelect('m.name', 'movieName')
      .addSelect('m.year', 'movieYear')
      .addSelect('m.price', 'moviePrice')
      .orderBy('p.purchasedAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .offset(window.offset)
      .limit(window.limit)
      .getRawMany<PurchaseRow>();
    return { rows, total };
  }
}
