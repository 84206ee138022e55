import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { User } from '../accounts/entities/user.entity';
import { Movie } from '../catalog/entities/movie.entity';
import { OrderStatus } from '../orders/entities/order.entity';
import { CartItem } from './entities/cart-item.entity';
import { Cart } from './entities/cart.entity';

/** One line of a cart as the API shows it. */
export interface CartItemRow {
  id: number;
  cartId: number;
  movieId: number;
  movieUuid: string;
  movieName: string;
  addedAt: Date;
}

export interface CartMovie {
  id: number;
  name: string;
}

/** The queries on `carts` and `cart_items`, and the look-ups the cart rules make. */
@Injectable()
export class CartRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findCartId(userId: number, manager: EntityManager = this.dataSource.manager): Promise<number | null> {
    const cart = await manager.findOne(Cart, { select: { id: true }, where: { userId } });
    return cart?.id ?? null;
  }

  /** The user's cart id, its row locked until the transaction ends (order creation). */
  async lockCart(tx: EntityManager, userId: number): Promise<number | null> {
    const cart = await tx
      .createQueryBuilder(Cart, 'c')
      .select('c.id')
      .where('c.userId = :userId', { userId })
      .setLock('pessimistic_write')
      .getOne();
    return cart?.id ?? null;
  }

  /** The cart's lines, oldest first (id breaks ties). */
  items(cartId: number, manager: EntityManager = this.dataSource.manager): Promise<CartItemRow[]> {
    return manager
      .createQueryBuilder(CartItem, 'ci')
      .innerJoin('ci.movie', 'm')
      .select('ci.id', 'id')
      .addSelect('ci.cartId', 'cartId')
      .addSelect('ci.movieId', 'movieId')
      .addSelect('m.uuid', 'movieUuid')
      .addSelect('m.name', 'movieName')
      .addSelect('ci.addedAt', 'addedAt')
      .where('ci.cartId = :cartId', { cartId })
      .orderBy('ci.addedAt', 'ASC')
      .addOrderBy('ci.id', 'ASC')
      .getRawMany<CartItemRow>();
  }

  findMovie(uuid: string): Promise<CartMovie | null> {
    return this.dataSource.manager.findOne(Movie, { select: { id: true, name: true }, where: { uuid } });
  }

  userExists(userId: number): Promise<boolean> {
    return this.dataSource.manager.exists(User, { where: { id: userId } });
  }

  async hasPurchased(userId: number, movieId: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM purchases WHERE user_id = $1 AND movie_id = $2', [userId, movieId]);
    return rows.length > 0;
  }

  async isInPendingOrder(userId: number, movieId: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
        WHERE o.user_id = $1 AND o.status = $2 AND oi.movie_id = $3 LIMIT 1`,
      [userId, OrderStatus.Pending, movieId],
    );
    return rows.length > 0;
  }

  isInCart(cartId: number, movieId: number): Promise<boolean> {
    return this.dataSource.manager.exists(CartItem, { where: { cartId, movieId } });
  }

  /** Throws the unique violation `unique_cart_movies_ids` if the movie is already there. */
  async addItem(cartId: number, movieId: number): Promise<void> {
    await this.dataSource.manager.insert(CartItem, { cartId, movieId });
  }

  /** Returns whether the movie was in the cart. */
  async removeItem(cartId: number, movieId: number): Promise<boolean> {
    const result = await this.dataSource.manager.delete(CartItem, { cartId, movieId });
    return (result.affected ?? 0) > 0;
  }

  async clear(cartId: number): Promise<void> {
    await this.dataSource.manager.delete(CartItem, { cartId });
  }

  async deleteItems(tx: EntityManager, ids: number[]): Promise<void> {
    if (ids.length > 0) await tx.createQueryBuilder().delete().from(CartItem).where('id IN (:...ids)', { ids }).execute();
  }
}
