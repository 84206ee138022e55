import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Order } from '../../orders/entities/order.entity';

/**
 * What we know of a checkout session. `Creating` is written before the gateway is called, so an
 * attempt whose answer was lost can still be matched by its `metadata.attempt` when its events
 * arrive; the rest mirror the gateway's state (`Processing`: completed, payment not yet settled).
 */
export enum CheckoutSessionStatus {
  Creating = 'CREATING',
  Open = 'OPEN',
  Processing = 'PROCESSING',
  Paid = 'PAID',
  Expired = 'EXPIRED',
  Failed = 'FAILED',
}

/** One payment attempt of an order: a Stripe Checkout Session (or the simulator's). */
@Entity({ name: 'checkout_sessions' })
@Unique('checkout_sessions_order_id_attempt_key', ['orderId', 'attempt'])
export class CheckoutSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  orderId: number;

  @ManyToOne(() => Order, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'order_id' })
  order: Order;

  /** 1, 2, ... per order; part of the gateway idempotency key. */
  @Column({ type: 'int' })
  attempt: number;

  /** The gateway's session id (`cs_...`), once it answered. */
  @Column({ type: 'varchar', length: 255, nullable: true, unique: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'enum', enum: CheckoutSessionStatus, enumName: 'checkoutsessionstatusenum', default: CheckoutSessionStatus.Creating })
  status: CheckoutSessionStatus;

  /** What the session charges: the order's total when it was created. */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  amount: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
