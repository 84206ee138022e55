import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Payment } from './payment.entity';

export enum RefundStatus {
  /** Recorded before the gateway is called; the outcome is not known yet. */
  Pending = 'PENDING',
  Succeeded = 'SUCCEEDED',
  Failed = 'FAILED',
}

export enum RefundReason {
  /** `POST /orders/refund/{id}/`. */
  RequestedByCustomer = 'REQUESTED_BY_CUSTOMER',
  /** Money arrived for an order that could not take it (cancelled, already paid, wrong amount). */
  OrderNotPayable = 'ORDER_NOT_PAYABLE',
  /** Made outside this service (Stripe dashboard) and learnt from a webhook. */
  External = 'EXTERNAL',
}

/** A full refund of a payment, recorded before and after the gateway call (CONTRACT.md B17). */
@Entity({ name: 'refunds' })
// At most one refund of a payment is pending or done: a second attempt can never reach the gateway.
@Index('ux_refunds_payment_id_active', ['paymentId'], { unique: true, where: `status IN ('PENDING', 'SUCCEEDED')` })
@Index('ix_refunds_pending_updated_at', ['updatedAt'], { where: `status = 'PENDING'` })
export class Refund {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  paymentId: number;

  @ManyToOne(() => Payment, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'payment_id' })
  payment: Payment;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  amount: string;

  @Column({ type: 'enum', enum: RefundStatus, enumName: 'refundstatusenum', default: RefundStatus.Pending })
  status: RefundStatus;

  @Column({ type: 'enum', enum: RefundReason, enumName: 'refundreasonenum' })
  reason: RefundReason;

  /** The gateway's refund id (`re_...`), once known. */
  @Column({ type: 'varchar', length: 255, nullable: true, unique: true })
  externalRefundId: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
