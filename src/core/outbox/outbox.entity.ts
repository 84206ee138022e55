import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message written in the same transaction as the change that caused it; the worker's relay
 * enqueues it after commit and stamps `relayedAt` (ARCHITECTURE.md, outbox).
 */
@Entity({ name: 'outbox' })
// Keeps the relay's scan for pending rows small however many relayed rows pile up.
@Index('ix_outbox_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxMessage {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** What the payload is, e.g. `mail`. */
  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Not relayed before this time (backoff after a failed relay). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
