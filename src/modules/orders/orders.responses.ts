import { toMoney, toMoneyOrNull } from '../../common/http/money';
import type { Order } from './entities/order.entity';
import type { AdminOrderRow, OrderLine } from './orders.repository';
import type { PurchaseRow } from './purchases.repository';

/** The reference's `BaseOrderSchema`. */
export interface OrderResponse {
  id: number;
  status: string;
  total_amount: string | null;
  created_at: Date;
}

export interface CreatedOrderResponse extends OrderResponse {
  movies: Array<{ uuid: string; name: string; price: string }>;
}

export interface AdminOrderResponse extends OrderResponse {
  email: string;
  user_id: number;
}

export interface PurchaseResponse {
  id: number;
  purchased_at: Date;
  order_id: number | null;
  movie: { uuid: string; name: string; year: number; price: string };
}

export function toOrderResponse(order: Pick<Order, 'id' | 'status' | 'totalAmount' | 'createdAt'>): OrderResponse {
  return { id: order.id, status: order.status.toLowerCase(), total_amount: toMoneyOrNull(order.totalAmount), created_at: order.createdAt };
}

/** `price` is the snapshot the order was made at (`price_at_order`). */
export function toCreatedOrderResponse(order: Order, lines: OrderLine[]): CreatedOrderResponse {
  return {
    ...toOrderResponse(order),
    movies: lines.map((line) => ({ uuid: line.movieUuid, name: line.movieName, price: toMoney(line.priceAtOrder) })),
  };
}

export function toAdminOrderResponse(row: AdminOrderRow): AdminOrderResponse {
  return { ...toOrderResponse(row), email: row.email.toLowerCase(), user_id: row.userId };
}

export function toPurchaseResponse(row: PurchaseRow): PurchaseResponse {
  return {
    id: row.id,
    purchased_at: row.purchasedAt,
    order_id: row.orderId,
    movie: { uuid: row.movieUuid, name: row.movieName, year: row.movieYear, price: toMoney(row.moviePrice) },
  };
}
