import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Refund, type RefundReason, RefundStatus } from './entities/refund.entity';

/** The queries on `refunds`. */
@Injectable()
export class RefundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a pending refund; throws the unique violation `ux_refunds_payment_id_active` if the
   * payment already has a pending or successful one.
   */
  async insertPending(tx: EntityManager, refund: { paymentId: number; amount: string; reason: RefundReason }): Promise<Refund> {
    const result = await tx.insert(Refund, { ...refund, status: RefundStatus.Pending });
    return tx.findOneByOrFail(Refund, { id: result.identifiers[0].id as number });
  }

  /** The payment's pending or successful refund, if any. */
  findActive(tx: EntityManager, paymentId: number): Promise<Refund | null> {
    return tx
      .createQueryBuilder(Refund, 'r')
      .where('r.paymentId = :paymentId AND r.status IN (:...active)', { paymentId, active: [RefundStatus.Pending, RefundStatus.Succeeded] })
      .getOne();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<Refund | null> {
    return manager.findOne(Refund, { where: { id } });
  }

  findByExternalId(tx: EntityManager, externalRefundId: string): Promise<Refund | null> {
    return tx.findOne(Refund, { where: { externalRefundId } });
  }

  lock(tx: EntityManager, id: number): Promise<Refund | null> {
    return tx.createQueryBuilder(Refund, 'r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async settle(tx: EntityManager, id: number, change: { status: RefundStatus; externalRefundId?: string | null; failureReason?: string | null }): Promise<void> {
    const result = await tx.update(
      Refund,
      { id, status: RefundStatus.Pending },
      {
        status: change.status,
        ...(change.externalRefundId ? { externalRefundId: change.externalRefundId } : {}),
        ...(change.failureReason ? { failureReason: change.failureReason } : {}),
      },
    );
    if (result.affected !== 1) throw new Error(`Refund ${id} was not pending any more`);
  }

  async recordExternalId(tx: EntityManager, id: number, externalRefundId: string): Promise<void> {
    await tx.update(Refund, { id }, { externalRefundId });
  }

  /** Marks an attempt made again, so that the retry job leaves it alone for a while. */
  async touch(id: number): Promise<void> {
    await this.dataSource.manager.update(Refund, { id, status: RefundStatus.Pending }, { updatedAt: () => 'now()' });
  }

  /** Pending refunds nobody has touched for `seconds`: their gateway call never came back. */
  async stalePending(seconds: number, limit: number): Promise<number[]> {
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM refunds WHERE status = $1 AND updated_at < now() - make_interval(secs => $2) ORDER BY updated_at, id LIMIT $3`,
      [RefundStatus.Pending, seconds, limit],
    );
    return rows.map((row) => row.id);
  }
}
