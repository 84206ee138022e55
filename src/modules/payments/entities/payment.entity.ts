import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { Order } from '../../orders/entities/order.entity';
import { PaymentItem } from './payment-item.entity';

/** Stored as the upper-case names (`paymentstatusenum`); lower-case on the wire. */
export enum PaymentStatus {
  Successful = 'SUCCESSFUL',
  Cancelled = 'CANCELLED',
  Refunded = 'REFUNDED',
}

@Entity({ name: 'payments' })
export class Payment {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  amount: string;

  @Column({ type: 'enum', enum: PaymentStatus, enumName: 'paymentstatusenum', default: PaymentStatus.Successful })
  status: PaymentStatus;

  /** The Stripe PaymentIntent id (or the local simulator's equivalent). */
  @Index()
  @Column({ type: 'varchar', length: 255, nullable: true })
  externalPaymentId: string | null;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @Index()
  @Column({ type: 'int' })
  orderId: number;

  @ManyToOne(() => Order, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'order_id' })
  order: Order;

  @OneToMany(() => PaymentItem, (item) => item.payment)
  items: PaymentItem[];
}
