import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CheckoutSession, CheckoutSessionStatus } from './entities/checkout-session.entity';

/** How long a session row may stay `Creating` (the gateway call in flight) before it counts as dead. */
const CREATING_GRACE_SECONDS = 300;

/** The queries on `checkout_sessions`: one row per payment attempt of an order. */
@Injectable()
export class CheckoutSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records the next attempt of a (locked) order before the gateway is called; returns its row.
   * The order lock serialises attempts, and `(order_id, attempt)` is unique besides.
   */
  async insertAttempt(tx: EntityManager, session: { orderId: number; amount: string; currency: string; expiresAt: Date }): Promise<CheckoutSession> {
    const [{ id }]: Array<{ id: number }> = await tx.query(
      `INSERT INTO checkout_sessions (order_id, attempt, amount, currency, expires_at, status)
       SELECT $1, COALESCE(max(attempt), 0) + 1, $2, $3, $4, $5 FROM checkout_sessions WHERE order_id = $1
       RETURNING id`,
      [session.orderId, session.amount, session.currency, session.expiresAt, CheckoutSessionStatus.Creating],
    );
    return tx.findOneByOrFail(CheckoutSession, { id });
  }

  async markOpen(tx: EntityManager, id: number, gateway: { externalId: string; url: string | null; expiresAt: Date | null }): Promise<void> {
    await tx.update(
      CheckoutSession,
      { id },
      { externalId: gateway.externalId, url: gateway.url, status: CheckoutSessionStatus.Open, ...(gateway.expiresAt ? { expiresAt: gateway.expiresAt } : {}) },
    );
  }

  async setStatus(tx: EntityManager, id: number, status: CheckoutSessionStatus, externalId?: string): Promise<void> {
    await tx.update(CheckoutSession, { id }, { status, ...(externalId ? { externalId } : {}) });
  }

  /** The row of a gateway session: by its id, or by the attempt its metadata names (its answer was lost). */
  async lockForGatewaySession(tx: EntityManager, externalId: string, orderId: number, attempt: number | null): Promise<CheckoutSession | null> {
    const query = tx
      .createQueryBuilder(CheckoutSession, 's')
      .where('s.externalId = :externalId', { externalId })
      .setLock('pessimistic_write');
    if (attempt !== null) query.orWhere('(s.orderId = :orderId AND s.attempt = :attempt AND s.externalId IS NULL)', { orderId, attempt });
    return query.getOne();
  }

  findByExternalId(externalId: string): Promise<CheckoutSession | null> {
    return this.dataSource.manager.findOne(CheckoutSession, { where: { externalId } });
  }

  /** The order's sessions that may still be paid at the gateway: open ones (and ones being created). */
  openSessions(orderId: number): Promise<CheckoutSession[]> {
    return this.dataSource.manager
      .createQueryBuilder(CheckoutSession, 's')
      .where('s.orderId = :orderId', { orderId })
      .andWhere('s.status = :open AND s.externalId IS NOT NULL', { open: CheckoutSessionStatus.Open })
      .orderBy('s.id')
      .getMany();
  }

  /**
   * Whether another session of the order may still bring its payment: open and unexpired, being
   * created, completed with its payment settling, or paid.
   */
  async hasOtherLive(tx: EntityManager, orderId: number, exceptId: number | null): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM checkout_sessions
        WHERE order_id = $1 AND id <> $2
          AND (status IN ($3, $4)
               OR (status = $5 AND expires_at > now())
               OR (status = $6 AND created_at > now() - make_interval(secs => $7)))
        LIMIT 1`,
      [
        orderId,
        exceptId ?? 0,
        CheckoutSessionStatus.Processing,
        CheckoutSessionStatus.Paid,
        CheckoutSessionStatus.Open,
        CheckoutSessionStatus.Creating,
        CREATING_GRACE_SECONDS,
      ],
    );
    return rows.length > 0;
  }
}
