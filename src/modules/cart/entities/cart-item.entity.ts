import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { Movie } from '../../catalog/entities/movie.entity';
import { Cart } from './cart.entity';

@Entity({ name: 'cart_items' })
@Unique('unique_cart_movies_ids', ['cartId', 'movieId'])
export class CartItem {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  addedAt: Date;

  @Column({ type: 'int' })
  cartId: number;

  // Relation<>: no design-time type reference, so the two entity modules may import each other.
  @ManyToOne(() => Cart, (cart) => cart.items, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'cart_id' })
  cart: Relation<Cart>;

  @Index()
  @Column({ type: 'int' })
  movieId: number;

  @ManyToOne(() => Movie, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'movie_id' })
  movie: Movie;
}
