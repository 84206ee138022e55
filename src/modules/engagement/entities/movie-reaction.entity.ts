import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { Movie } from '../../catalog/entities/movie.entity';

export enum ReactionKind {
  Like = 'like',
  Dislike = 'dislike',
}

/** A user's like or dislike of a movie: at most one per user and movie (CONTRACT.md C.3). */
@Entity({ name: 'movie_reactions' })
@Index('ix_movie_reactions_movie_id_reaction', ['movieId', 'reaction'])
export class MovieReaction {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @PrimaryColumn({ type: 'int' })
  movieId: number;

  @Column({ type: 'enum', enum: ReactionKind, enumName: 'reactionenum' })
  reaction: ReactionKind;

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
