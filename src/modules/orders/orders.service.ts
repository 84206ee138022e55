import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pageMeta, paginated, type PaginationQueryDto, pageWindow } from '../../common/http/pagination';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { CART_MESSAGES } from '../cart/cart.messages';
import { CartRepository } from '../cart/cart.repository';
import { CheckoutService } from '../payments/checkout.service';
import { dayFilter, sortOf, statusFilter } from './admin-filters';
import type { AdminOrdersQueryDto } from './dto/admin-orders-query.dto';
import { OrderStatus } from './entities/order.entity';
import { ORDER_STATUS } from './order-status';
import { ORDERS_MESSAGES } from './orders.messages';
import { type AdminOrderSortKey, OrdersRepository } from './orders.repository';
import {
  type AdminOrderResponse,
  type CreatedOrderResponse,
  type OrderResponse,
  toAdminOrderResponse,
  toCreatedOrderResponse,
  toOrderResponse,
} from './orders.responses';

const ADMIN_SORT_KEYS: Readonly<Record<string, AdminOrderSortKey>> = { created_at: 'createdAt', total_amount: 'totalAmount', id: 'id' };

/** Orders (reference 7.2-7.4 and 8.3, CONTRACT.md C.6). */
@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersRepository,
    private readonly carts: CartRepository,
    private readonly checkout: CheckoutService,
  ) {}

  /**
   * Turns the cart into a pending order in one transaction: the lines at today's prices
   * (`price_at_order`), `total_amount` their sum, the cart emptied. 404 no cart, 400 empty cart
   * or a pending order already, 409 a movie already bought. The cart row is locked, and the
   * database allows one pending order per user, so concurrent calls make exactly one order.
   */
  async create(userId: number): Promise<CreatedOrderResponse> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const cartId = await this.carts.lockCart(tx, userId);
        if (cartId === null) throw new NotFoundException(CART_MESSAGES.cartNotFound);
        const items = await this.carts.items(cartId, tx);
        if (items.length === 0) throw new BadRequestException(ORDERS_MESSAGES.cartEmpty);
        if (await this.orders.hasPendingOrder(tx, userId)) throw new BadRequestException(ORDERS_MESSAGES.pendingOrderExists);
        const owned = await this.orders.ownedMovieIds(tx, userId, items.map((item) => item.movieId));
        if (owned.length > 0) throw new ConflictException(ORDERS_MESSAGES.alreadyPurchased);
        const orderId = await this.orders.createFromCart(tx, userId, items.map((item) => item.id));
        await this.carts.deleteItems(tx, items.map((item) => item.id));
        const order = await this.orders.findById(orderId, tx);
        return toCreatedOrderResponse(order!, await this.orders.lines(orderId, tx));
      });
    } catch (error) {
      if (isUniqueViolation(error, ['ux_orders_user_id_pending'])) throw new BadRequestException(ORDERS_MESSAGES.pendingOrderExists);
      throw error;
    }
  }

  /** The caller's orders, newest first. */
  async list(userId: number, query: PaginationQueryDto, url: string) {
    const { rows, total } = await this.orders.listForUser(userId, pageWindow(query));
    return paginated(pageMeta(url, query, total), 'orders', rows.map((order): OrderResponse => toOrderResponse(order)));
  }

  /**
   * 404 not the caller's order, 409 for an order that cannot be cancelled. Then its open checkout
   * sessions are expired (CONTRACT.md B30); the cart is not restored (reference 7.4).
   */
  async cancel(userId: number, orderId: number): Promise<{ message: string }> {
    await this.dataSource.transaction(async (tx) => {
      const order = await this.orders.lock(tx, orderId, userId);
      if (!order) throw new NotFoundException(ORDERS_MESSAGES.orderNotFound);
      ORDER_STATUS.assert(order.status, OrderStatus.Cancelled);
      await this.orders.setStatus(tx, order.id, order.status, OrderStatus.Cancelled);
    });
    await this.checkout.expireOpenSessions(orderId);
    return { message: ORDERS_MESSAGES.cancelled };
  }

  /** Every user's orders for admins, filtered as the reference does (400s in its order), sorted. */
  async adminList(query: AdminOrdersQueryDto, url: string) {
    const created = dayFilter(query.created_at ?? undefined, ORDERS_MESSAGES.invalidDate);
    const status = statusFilter(query.status ?? undefined, Object.values(OrderStatus), ORDERS_MESSAGES.invalidStatus);
    const filters = { userId: query.user_id ?? undefined, ...created, status, email: query.email ?? undefined };
    const { rows, total } = await this.orders.adminList(filters, sortOf(query.sort ?? '-created_at', ADMIN_SORT_KEYS), pageWindow(query));
    const links = [
      ['user_id', query.user_id],
      ['created_at', query.created_at],
      ['status', query.status],
      ['email', query.email],
      ['sort', query.sort],
    ] as const;
    return paginated(pageMeta(url, query, total, links), 'orders', rows.map((row): AdminOrderResponse => toAdminOrderResponse(row)));
  }
}
