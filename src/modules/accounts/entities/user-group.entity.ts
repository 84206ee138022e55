import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Group names as stored (upper-case enum names) and their fixed ids (CONTRACT.md A). */
export enum UserGroupName {
  Admin = 'ADMIN',
  User = 'USER',
  Moderator = 'MODERATOR',
}

export const USER_GROUP_IDS: Readonly<Record<UserGroupName, number>> = {
  [UserGroupName.Admin]: 1,
  [UserGroupName.User]: 2,
  [UserGroupName.Moderator]: 3,
};

@Entity({ name: 'user_groups' })
export class UserGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'enum', enum: UserGroupName, enumName: 'usergroupenum', unique: true })
  name: UserGroupName;
}
