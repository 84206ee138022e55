import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { User } from '../accounts/entities/user.entity';
import { CheckoutSessionStatus } from '../payments/entities/checkout-session.entity';
import { OrderItem } from './entities/order-item.entity';
import { Order, OrderStatus } from './entities/order.entity';

/** An order line with its movie: the snapshot price and the price the catalog asks today. */
export interface OrderLine {
  orderItemId: number;
  movieId: number;
  movieUuid: string;
  movieName: string;
  priceAtOrder: string;
  currentPrice: string;
}

export interface AdminOrderRow {
  id: number;
  status: OrderStatus;
  totalAmount: string | null;
  createdAt: Date;
  email: string;
  userId: number;
}

export interface AdminOrderFilters {
  userId?: number;
  email?: string;
  /** `[from, to)` of `created_at`. */
  createdFrom?: Date;
  createdTo?: Date;
  status?: OrderStatus;
}

export type AdminOrderSortKey = 'createdAt' | 'totalAmount' | 'id';

export interface Sort<K extends string> {
  key: K;
  direction: 'ASC' | 'DESC';
}

export interface Page<T> {
  rows: T[];
  total: number;
}

/** A `LIKE` pattern matching `text` anywhere, with its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** The queries on `orders` and `order_items`. */
@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  hasPendingOrder(tx: EntityManager, userId: number): Promise<boolean> {
    return tx.exists(Order, { where: { userId, status: OrderStatus.Pending } });
  }

  /** Which of the movies the user already owns, or has in a paid order. */
  async ownedMovieIds(tx: EntityManager, userId: number, movieIds: number[]): Promise<number[]> {
    const rows: Array<{ movie_id: number }> = await tx.query(
      `SELECT movie_id FROM purchases WHERE user_id = $1 AND movie_id = ANY($2)
       UNION
       SELECT oi.movie_id FROM order_items oi JOIN orders o ON o.id = oi.order_id
        WHERE o.user_id = $1 AND o.status = $3 AND oi.movie_id = ANY($2)`,
      [userId, movieIds, OrderStatus.Paid],
    );
    return rows.map((row) => row.movie_id);
  }

  /**
   * Creates a pending order holding the given cart lines at the movies' current prices
   * (`price_at_order`) and `total_amount` = their sum, computed by the database from the rows
   * just written. Throws the unique violation `ux_orders_user_id_pending` if the user already
   * has a pending order.
   */
  async createFromCart(tx: EntityManager, userId: number, cartItemIds: number[]): Promise<number> {
    const [{ id }]: Array<{ id: number }> = await tx.query(`INSERT INTO orders (user_id, status, total_amount) VALUES ($1, $2, 0) RETURNING id`, [
      userId,
      OrderStatus.Pending,
    ]);
    await tx.query(
      `INSERT INTO order_items (order_id, movie_id, price_at_order)
       SELECT $1, ci.movie_id, m.price FROM cart_items ci JOIN movies m ON m.id = ci.movie_id
        WHERE ci.id = ANY($2) ORDER BY ci.added_at, ci.id`,
      [id, cartItemIds],
    );
    await tx.query(`UPDATE orders SET total_amount = (SELECT COALESCE(sum(price_at_order), 0) FROM order_items WHERE order_id = $1) WHERE id = $1`, [id]);
    return id;
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Order | null> {
    return manager.findOne(Order, { where: { id } });
  }

  /** The order, its row locked until the transaction ends; only the user's own with `userId`. */
  lock(tx: EntityManager, id: number, userId?: number): Promise<Order | null> {
    const query = tx.createQueryBuilder(Order, 'o').where('o.id = :id', { id }).setLock('pessimistic_write');
    if (userId !== undefined) query.andWhere('o.userId = :userId', { userId });
    return query.getOne();
  }

  /** The user's pending order (there is at most one), locked. */
  lockPendingOfUser(tx: EntityManager, userId: number): Promise<Order | null> {
    return tx
      .createQueryBuilder(Order, 'o')
      .where('o.userId = :userId AND o.status = :status', { userId, status: OrderStatus.Pending })
      .orderBy('o.id')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Moves a locked order from `from` to `to` (the caller checked the transition). */
  async setStatus(tx: EntityManager, id: number, from: OrderStatus, to: OrderStatus): Promise<void> {
    const result = await tx.update(Order, { id, status: from }, { status: to });
    if (result.affected !== 1) throw new Error(`Order ${id} was not ${from} any more`);
  }

  /** The order's lines in the order they were added. */
  lines(orderId: number, manager: EntityManager = this.dataSource.manager): Promise<OrderLine[]> {
    return manager
      .createQueryBuilder(OrderItem, 'oi')
      .innerJoin('oi.movie', 'm')
      .select('oi.id', 'orderItemId')
      .addSelect('oi.movieId', 'movieId')
      .addSelect('m.uuid', 'movieUuid')
      .addSelect('m.name', 'movieName')
      .addSelect('oi.priceAtOrder', 'priceAtOrder')
      .addSelect('m.price', 'currentPrice')
      .where('oi.orderId = :orderId', { orderId })
      .orderBy('oi.id')
      .getRawMany<OrderLine>();
  }

  async userEmail(manager: EntityManager, userId: number): Promise<string> {
    const user = await manager.findOneOrFail(User, { select: { email: true }, where: { id: userId } });
    return user.email;
  }

  /** The user's orders, newest first. */
  async listForUser(userId: number, window: { offset: number; limit: number }): Promise<Page<Order>> {
    const [rows, total] = await this.dataSource.manager
      .createQueryBuilder(Order, 'o')
      .where('o.userId = :userId', { userId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return { rows, total };
  }

  async adminList(filters: AdminOrderFilters, sort: Sort<AdminOrderSortKey>, window: { offset: number; limit: number }): Promise<Page<AdminOrderRow>> {
    const query = this.dataSource.manager.createQueryBuilder(Order, 'o').innerJoin('o.user', 'u');
    if (filters.userId) query.andWhere('o.userId = :userId', { userId: filters.userId });
    if (filters.createdFrom && filters.createdTo) {
      query.andWhere('o.createdAt >= :from AND o.createdAt < :to', { from: filters.createdFrom, to: filters.createdTo });
    }
    if (filters.status) query.andWhere('o.status = :status', { status: filters.status });
    if (filters.email) query.andWhere(`u.email ILIKE :email ESCAPE '\\'`, { email: containsPattern(filters.email) });
    const total = await query.getCount();
    const rows = await query
      .select('o.id', 'id')
      .addSelect('o.status', 'status')
      .addSelect('o.totalAmount', 'totalAmount')
      .addSelect('o.createdAt', 'createdAt')
      .addSelect('u.email', 'email')
      .addSelect('o.userId', 'userId')
      .orderBy(`o.${sort.key}`, sort.direction, sort.direction === 'DESC' ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('o.id', sort.direction)
      .offset(window.offset)
      .limit(window.limit)
      .getRawMany<AdminOrderRow>();
    return { rows, total };
  }

  /**
   * Up to `limit` pending orders created before `createdBefore` that no checkout session may
   * still pay (none open and unexpired, none completed awaiting its payment, none being
   * created), locked, skipping the ones a request holds at that moment.
   */
  async lockExpired(tx: EntityManager, createdBefore: Date, limit: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await tx.query(
      `SELECT o.id FROM orders o
        WHERE o.status = $1 AND o.created_at < $2
          AND NOT EXISTS (
            SELECT 1 FROM checkout_sessions s
             WHERE s.order_id = o.id
               AND (s.status = $3 OR (s.status IN ($4, $5) AND s.expires_at > now())))
        ORDER BY o.created_at, o.id
        LIMIT $6
        FOR UPDATE SKIP LOCKED`,
      [OrderStatus.Pending, createdBefore, CheckoutSessionStatus.Processing, CheckoutSessionStatus.Open, CheckoutSessionStatus.Creating, limit],
    );
    return rows.map((row) => row.id);
  }

  async cancelMany(tx: EntityManager, ids: number[]): Promise<void> {
    if (ids.length > 0) {
      await tx
        .createQueryBuilder()
        .update(Order)
        .set({ status: OrderStatus.Cancelled })
        .where('id IN (:...ids) AND status = :status', { ids, status: OrderStatus.Pending })
        .execute();
    }
  }
}
