import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';
import { Movie } from '../../catalog/entities/movie.entity';
import { Comment } from '../../engagement/entities/comment.entity';

export enum NotificationType {
  /** Someone replied to the recipient's comment. */
  CommentReply = 'comment_reply',
  /** Someone liked the recipient's comment. */
  CommentLike = 'comment_like',
  /** A movie the recipient (a moderator) tried to delete is in carts. */
  MovieInCarts = 'movie_in_carts',
}

/** Something that happened for a user (CONTRACT.md C.4); `readAt` null while unread. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_user_id_created_at', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;

  @Column({ type: 'varchar', length: 32 })
  type: NotificationType;

  /** The text shown to the recipient. */
  @Column({ type: 'text' })
  message: string;

  /** Who caused it (the replier, the liker); null when it was nobody or the account is gone. */
  @Index()
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor: User | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  movieId: number | null;

  @ManyToOne(() => Movie, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'movie_id' })
  movie: Movie | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  commentId: number | null;

  @ManyToOne(() => Comment, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'comment_id' })
  comment: Comment | null;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
