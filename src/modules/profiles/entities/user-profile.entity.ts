import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../accounts/entities/user.entity';

/** Stored as the upper-case names (`genderenum`); lower-case on the wire. */
export enum Gender {
  Man = 'MAN',
  Woman = 'WOMAN',
}

@Entity({ name: 'user_profiles' })
export class UserProfile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastName: string | null;

  /** Storage key of the avatar image (a path under the storage root, or an S3 key). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  avatar: string | null;

  @Column({ type: 'enum', enum: Gender, enumName: 'genderenum', nullable: true })
  gender: Gender | null;

  /** `YYYY-MM-DD`: a calendar date, so no time zone can shift it. */
  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'text', nullable: true })
  info: string | null;

  @Column({ type: 'int' })
  userId: number;

  @OneToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: User;
}
