import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { AUTH_MESSAGES } from './auth.messages';

/**
 * Whether a member of `group` may use a route restricted to `required` groups (none: any user).
 * ADMIN has every right, so it passes every check.
 */
export function hasGroupAccess(group: UserGroupName, required: readonly UserGroupName[]): boolean {
  return required.length === 0 || group === UserGroupName.Admin || required.includes(group);
}

/** The reference's 403 message for a failed check (reference 1.7, "Roles"). */
export function accessDeniedMessage(required: readonly UserGroupName[]): string {
  return required.includes(UserGroupName.Moderator) ? AUTH_MESSAGES.moderatorRequired : AUTH_MESSAGES.adminRequired;
}
