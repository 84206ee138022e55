import { Column, Index, CreateDateColumn, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * The columns shared by activation and password-reset tokens: at most one pending token per user
 * (`user_id` unique), and `token` holds the SHA-256 hex digest of the secret that was mailed,
 * never the secret itself (CONTRACT.md B5).
 */
export abstract class SingleUseToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  token: string;

  // Expired tokens are deleted in batches every minute (src/modules/tasks/token-cleanup.ts).
  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'int' })
  userId: number;

  @OneToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;
}
