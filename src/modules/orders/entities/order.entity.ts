import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { OrderItem } from './order-item.entity';

/** Stored as the upper-case names (`orderstatusenum`); lower-case on the wire. */
export enum OrderStatus {
  Pending = 'PENDING',
  Paid = 'PAID',
  Cancelled = 'CANCELLED',
  Refunded = 'REFUNDED',
}

@Entity({ name: 'orders' })
// A user has at most one pending order (CONTRACT.md C.6): concurrent creates for the same cart
// collide here and exactly one wins.
@Index('ux_orders_user_id_pending', ['userId'], { unique: true, where: `status = 'PENDING'` })
// The worker's look-up of unpaid orders past their time to live.
@Index('ix_orders_pending_created_at', ['createdAt'], { where: `status = 'PENDING'` })
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'enum', enum: OrderStatus, enumName: 'orderstatusenum', default: OrderStatus.Pending })
  status: OrderStatus;

  /** The sum of the items' `priceAtOrder`, as a decimal string. */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  totalAmount: string | null;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @OneToMany(() => OrderItem, (item) => item.order)
  items: OrderItem[];
}
