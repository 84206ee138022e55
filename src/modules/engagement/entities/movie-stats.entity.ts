import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Movie } from '../../catalog/entities/movie.entity';

/**
 * A movie's engagement totals, one row per movie, kept by triggers (migration Engagement): a row
 * is made with every movie, and every reaction and rating written, changed or removed moves its
 * counts in the same transaction. Movie rows show them, and `sort=rating` walks the
 * `ix_movie_stats_rating` indexes instead of averaging every movie's ratings on each request. A
 * table of its own, so that a like neither rewrites the movie's row nor moves the catalog version.
 */
@Entity({ name: 'movie_stats' })
// The orders of `sort=-rating` and `sort=rating`, unrated movies last. Made by the migration.
@Index('ix_movie_stats_rating', { synchronize: false })
@Index('ix_movie_stats_rating_asc', { synchronize: false })
export class MovieStats {
  @PrimaryColumn({ type: 'int' })
  movieId: number;

  @OneToOne(() => Movie, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'movie_id' })
  movie: Movie;

  @Column({ type: 'int', default: 0 })
  likes: number;

  @Column({ type: 'int', default: 0 })
  dislikes: number;

  @Column({ type: 'int', default: 0 })
  ratingCount: number;

  @Column({ type: 'int', default: 0 })
  ratingSum: number;

  /** `rating_sum / rating_count` rounded to two decimals; null while nobody rated. */
  @Column({ type: 'numeric', precision: 4, scale: 2, nullable: true })
  ratingAverage: string | null;
}
