import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';

export const IS_PUBLIC_KEY = 'auth:public';
export const AUTH_GROUPS_KEY = 'auth:groups';

/** The route needs no authentication. Every route carries either this or `@Auth()`. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * The route needs an authenticated, active user; with groups, the user must belong to one of
 * them (ADMIN always passes a MODERATOR check). Also documents the Bearer scheme in OpenAPI.
 */
export const Auth = (...groups: UserGroupName[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(AUTH_GROUPS_KEY, groups), ApiBearerAuth());
