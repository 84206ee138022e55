import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { containsPattern, type Page, type Sort } from '../orders/orders.repository';
import { PaymentItem } from './entities/payment-item.entity';
import { Payment, PaymentStatus } from './entities/payment.entity';

export interface AdminPaymentRow {
  id: number;
  createdAt: Date;
  amount: string;
  status: PaymentStatus;
  email: string;
  userId: number;
  orderId: number;
  externalPaymentId: string | null;
}

export interface AdminPaymentFilters {
  userId?: number;
  email?: string;
  createdFrom?: Date;
  createdTo?: Date;
  status?: PaymentStatus;
}

export type AdminPaymentSortKey = 'createdAt' | 'amount' | 'id';

/** The queries on `payments` and `payment_items`. */
@Injectable()
export class PaymentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    tx: EntityManager,
    payment: { userId: number; orderId: number; amount: string; status: PaymentStatus; externalPaymentId: string | null },
  ): Promise<Payment> {
    const result = await tx.insert(Payment, payment);
    return tx.findOneByOrFail(Payment, { id: result.identifiers[0].id as number });
  }

  /** One `payment_items` row per order line, at the price the order was made for. */
  async insertItemsOfOrder(tx: EntityManager, paymentId: number, orderId: number): Promise<void> {
    await tx.query(
      `INSERT INTO payment_items (payment_id, order_item_id, price_at_payment)
       SELECT $1, id, price_at_order FROM order_items WHERE order_id = $2 ORDER BY id`,
      [paymentId, orderId],
    );
  }

  /** The payment recorded for a payment intent (not the cancelled rows of expired sessions). */
  findByIntent(tx: EntityManager, externalPaymentId: string): Promise<Payment | null> {
    return tx
      .createQueryBuilder(Payment, 'p')
      .where('p.externalPaymentId = :externalPaymentId AND p.status <> :cancelled', { externalPaymentId, cancelled: PaymentStatus.Cancelled })
      .orderBy('p.id')
      .getOne();
  }

  /** The order's latest successful payment (reference 7.5 takes the latest). */
  latestSuccessfulOfOrder(tx: EntityManager, orderId: number): Promise<Payment | null> {
    return tx
      .createQueryBuilder(Payment, 'p')
      .where('p.orderId = :orderId AND p.status = :status', { orderId, status: PaymentStatus.Successful })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getOne();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Payment | null> {
    return manager.findOne(Payment, { where: { id } });
  }

  lock(tx: EntityManager, id: number): Promise<Payment | null> {
    return tx.createQueryBuilder(Payment, 'p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async setStatus(tx: EntityManager, id: number, from: PaymentStatus, to: PaymentStatus): Promise<void> {
    const result = await tx.update(Payment, { id, status: from }, { status: to });
    if (result.affected !== 1) throw new Error(`Payment ${id} was not ${from} any more`);
  }

  /** Names and snapshot prices of what a payment bought, for its e-mail. */
  itemsOf(tx: EntityManager, paymentId: number): Promise<Array<{ name: string; price: string }>> {
    return tx
      .createQueryBuilder(PaymentItem, 'pi')
      .innerJoin('pi.orderItem', 'oi')
      .innerJoin('oi.movie', 'm')
      .select('m.name', 'name')
      .addSelect('pi.priceAtPayment', 'price')
      .where('pi.paymentId = :paymentId', { paymentId })
      .orderBy('pi.id')
      .getRawMany();
  }

  /** The user's payments, newest first. */
  async listForUser(userId: number, window: { offset: number; limit: number }): Promise<Page<Payment>> {
    const [rows, total] = await this.dataSource.manager
      .createQueryBuilder(Payment, 'p')
      .where('p.userId = :userId', { userId })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return { rows, total };
  }

  async adminList(
    filters: AdminPaymentFilters,
    sort: Sort<AdminPaymentSortKey>,
    window: { offset: number; limit: number },
  ): Promise<Page<AdminPaymentRow>> {
    const query = this.dataSource.manager.createQueryBuilder(Payment, 'p').innerJoin('p.user', 'u');
    if (filters.userId) query.andWhere('p.userId = :userId', { userId: filters.userId });
    if (filters.createdFrom && filters.createdTo) {
      query.andWhere('p.createdAt >= :from AND p.createdAt < :to', { from: filters.createdFrom, to: filters.createdTo });
    }
    if (filters.status) query.andWhere('p.status = :status', { status: filters.status });
    if (filters.email) query.andWhere(`u.email ILIKE :email ESCAPE '\\'`, { email: containsPattern(filters.email) });
    const total = await query.getCount();
    const rows = await query
      .select('p.id', 'id')
      .addSelect('p.createdAt', 'createdAt')
      .addSelect('p.amount', 'amount')
      .addSelect('p.status', 'status')
      .addSelect('u.email', 'email')
      .addSelect('p.userId', 'userId')
      .addSelect('p.orderId', 'orderId')
      .addSelect('p.externalPaymentId', 'externalPaymentId')
      .orderBy(`p.${sort.key}`, sort.direction)
      .addOrderBy('p.id', sort.direction)
      .offset(window.offset)
      .limit(window.limit)
      .getRawMany<AdminPaymentRow>();
    return { rows, total };
  }
}
