import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { Movie } from '../../catalog/entities/movie.entity';

/** A user's score of a movie, 1 to 10: at most one per user and movie (CONTRACT.md C.3). */
@Entity({ name: 'movie_ratings' })
@Check('ck_movie_ratings_score', '"score" BETWEEN 1 AND 10')
@Index('ix_movie_ratings_movie_id_score', ['movieId', 'score'])
export class MovieRating {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'int' })
  movieId: number;

  @Column({ type: 'smallint' })
  score: number;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @ManyToOne(() => Movie, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'movie_id' })
  movie: Movie;
}
