import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { Movie } from '../../catalog/entities/movie.entity';
import { Order } from './order.entity';

/** A movie the user owns: written when an order is paid, removed when it is refunded. */
@Entity({ name: 'purchases' })
@Unique('unique_user_movie_purchase', ['userId', 'movieId'])
export class Purchase {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  purchasedAt: Date;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @Index()
  @Column({ type: 'int' })
  movieId: number;

  @ManyToOne(() => Movie, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'movie_id' })
  movie: Movie;

  /** The paid order that granted it; null for purchases imported from the reference's database. */
  @Index()
  @Column({ type: 'int', nullable: true })
  orderId: number | null;

  @ManyToOne(() => Order, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'order_id' })
  order: Order | null;
}
