import type { ProfileResponse } from '../profiles/profile.responses';
import { UserGroupName } from './entities/user-group.entity';
import type { AccountRow } from './users.repository';

/** `{"message": ...}`: the reference's plain success answer. */
export interface MessageResponse {
  message: string;
}

/** Reference 3.1, key order `email`, `id`. */
export interface RegisteredUserResponse {
  email: string;
  id: number;
}

/** Reference 3.4. */
export interface LoginResponse {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
}

/** Reference 3.6; `refresh_token` only with `REFRESH_TOKEN_ROTATION=true` (CONTRACT.md B7). */
export interface RefreshResponse {
  access_token: string;
  refresh_token?: string;
  token_type: 'bearer';
}

/** `GET /accounts/me/` (CONTRACT.md C5). */
export interface AccountResponse {
  id: number;
  email: string;
  group: 'admin' | 'user' | 'moderator';
  is_active: boolean;
  profile: ProfileResponse | null;
}

export function message(text: string): MessageResponse {
  return { message: text };
}

/** Response e-mails are lower-cased (reference 1.6). */
export function toRegisteredUserResponse(user: { id: number; email: string }): RegisteredUserResponse {
  return { email: user.email.toLowerCase(), id: user.id };
}

const GROUPS_ON_THE_WIRE: Readonly<Record<UserGroupName, AccountResponse['group']>> = {
  [UserGroupName.Admin]: 'admin',
  [UserGroupName.User]: 'user',
  [UserGroupName.Moderator]: 'moderator',
};

/** `profile` is already in the profile routes' shape (`toProfileResponse`), or `null`. */
export function toAccountResponse(account: Omit<AccountRow, 'profile'>, profile: ProfileResponse | null): AccountResponse {
  return {
    id: account.id,
    email: account.email.toLowerCase(),
    group: GROUPS_ON_THE_WIRE[account.group],
    is_active: account.isActive,
    profile,
  };
}
