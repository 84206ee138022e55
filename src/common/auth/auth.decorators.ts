import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { AUTH_MESSAGES } from './auth.messages';
import { accessDeniedMessage } from './group-access';

export const IS_PUBLIC_KEY = 'auth:public';
export const AUTH_GROUPS_KEY = 'auth:groups';

/** The route needs no authentication. Every route carries either this or `@Auth()`. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * The route needs an authenticated, active user; with groups, the user must belong to one of
 * them (ADMIN always passes a MODERATOR check). Also documents the Bearer scheme and the auth
 * layer's answers in OpenAPI.
 */
export const Auth = (...groups: UserGroupName[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(AUTH_GROUPS_KEY, groups),
    ApiBearerAuth(),
    ApiResponse({ status: 401, description: 'Missing, malformed, invalid, expired or revoked access token' }),
    ApiResponse({
      status: 403,
      description: groups.length > 0 ? `${AUTH_MESSAGES.userInactive} / ${accessDeniedMessage(groups)}` : AUTH_MESSAGES.userInactive,
    }),
    ApiResponse({ status: 503, description: AUTH_MESSAGES.serviceUnavailable }),
  );
