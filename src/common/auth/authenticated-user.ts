import type { UserGroupName } from '../../modules/accounts/entities/user-group.entity';

/** The caller of an authenticated route, loaded fresh from the database on each request. */
export interface AuthenticatedUser {
  id: number;
  email: string;
  isActive: boolean;
  groupId: number;
  group: UserGroupName;
}
