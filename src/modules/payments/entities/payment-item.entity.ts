import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OrderItem } from '../../orders/entities/order-item.entity';
import { Payment } from './payment.entity';

@Entity({ name: 'payment_items' })
export class PaymentItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'numeric', precision: 10, scale: 2 })
  priceAtPayment: string;

  @Index()
  @Column({ type: 'int' })
  paymentId: number;

  // Relation<>: no design-time type reference, so the two entity modules may import each other.
  @ManyToOne(() => Payment, (payment) => payment.items, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'payment_id' })
  payment: Relation<Payment>;

  @Index()
  @Column({ type: 'int' })
  orderItemId: number;

  @ManyToOne(() => OrderItem, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'order_item_id' })
  orderItem: OrderItem;
}
