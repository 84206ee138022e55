import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../../modules/accounts/entities/user.entity';
import { PasswordHasher } from '../../modules/accounts/password-hasher';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AccessTokenService } from './access-token.service';
import { AuthUsersRepository } from './auth-users.repository';
import { Authenticator } from './authenticator.service';
import { DocsAccess } from './docs-access.service';
import { RouteAuthCheck } from './route-auth-check';
import { TokenRevocationService } from './token-revocation.service';

/**
 * Authentication for the API process: access tokens, revocation, the global guard's collaborators
 * and the docs' access check. The guard itself is registered as APP_GUARD by `AppModule`.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User]), DiscoveryModule, RateLimitModule],
  providers: [
    AccessTokenService,
    TokenRevocationService,
    AuthUsersRepository,
    Authenticator,
    DocsAccess,
    PasswordHasher,
    RouteAuthCheck,
  ],
  exports: [AccessTokenService, TokenRevocationService, Authenticator, DocsAccess],
})
export class AuthModule {}
