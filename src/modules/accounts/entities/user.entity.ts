import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserGroup } from './user-group.entity';

@Entity({ name: 'users' })
// E-mails are unique case-insensitively (CONTRACT.md B2); the expression index lives in the
// migration, TypeORM only has to know not to touch it.
@Index('ux_users_email_lower', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('ix_users_email', { unique: true })
  @Column({ type: 'varchar', length: 255 })
  email: string;

  @Column({ name: '_hashed_password', type: 'varchar', length: 255 })
  hashedPassword: string;

  @Column({ type: 'boolean', default: false })
  isActive: boolean;

  @CreateDateColumn({ type: 'timestamp without time zone', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'int' })
  groupId: number;

  @ManyToOne(() => UserGroup, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'group_id' })
  group: UserGroup;
}
