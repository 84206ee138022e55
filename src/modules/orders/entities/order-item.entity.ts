import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Movie } from '../../catalog/entities/movie.entity';
import { Order } from './order.entity';

@Entity({ name: 'order_items' })
export class OrderItem {
  @PrimaryGeneratedColumn()
  id: number;

  /** The movie's price when the order was made (CONTRACT.md C.6). */
  @Column({ type: 'numeric', precision: 10, scale: 2 })
  priceAtOrder: string;

  @Index()
  @Column({ type: 'int' })
  orderId: number;

  // Relation<>: no design-time type reference, so the two entity modules may import each other.
  @ManyToOne(() => Order, (order) => order.items, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'order_id' })
  order: Relation<Order>;

  @Index()
  @Column({ type: 'int' })
  movieId: number;

  // A movie that was ever ordered cannot be deleted: sales history survives (CONTRACT.md B29).
  @ManyToOne(() => Movie, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'movie_id' })
  movie: Movie;
}
