import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { AUTH_MESSAGES } from './auth.messages';
import { accessDeniedMessage } from './group-access';

export const IS_PUBLIC_KEY = 'auth:public';
export const AUTH_GROUPS_KEY = 'auth:groups';
export const IDENTIFIES_VIEWER_KEY = 'auth:identifies-viewer';

/** The route needs no authentication. Every route carries either this or `@Auth()`. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * A public route that personalizes its answer when the caller shows a valid access token
 * (`@Viewer()`). A missing, malformed, invalid, expired or revoked token, a token of an inactive
 * or deleted user, or a revocation check that cannot be made all make the caller anonymous: the
 * reference ignores the header on public routes, so such a route never answers 401, 403 or 503.
 */
export const OptionalAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(IS_PUBLIC_KEY, true),
    SetMetadata(IDENTIFIES_VIEWER_KEY, true),
    // OpenAPI's "either scheme": the bearer token, or nothing (the empty requirement).
    ApiBearerAuth(),
    ApiSecurity({}),
  );

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
