import { ForbiddenException, HttpException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { AccessTokenService } from './access-token.service';
import { AUTH_MESSAGES } from './auth.messages';
import { AuthUsersRepository } from './auth-users.repository';
import type { AuthenticatedUser } from './authenticated-user';
import { extractBearerToken } from './authorization-header';
import { accessDeniedMessage, hasGroupAccess } from './group-access';
import type { TokenClaims } from './jwt-codec';
import { TokenRevocationService } from './token-revocation.service';

/** Turns an `Authorization` header into the active user it belongs to, or the reference's error. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly revocation: TokenRevocationService,
    private readonly users: AuthUsersRepository,
  ) {}

  /**
   * Checks, in the reference's order (1.7): header (401), denylist (401), JWT (401), payload (401),
   * user exists (404), user active (403). A token revoked with all of its user's tokens is refused
   * like a denylisted one. Throws 503 when Redis cannot say whether the token was revoked.
   */
  async authenticate(header: string | undefined): Promise<AuthenticatedUser> {
    const token = extractBearerToken(header);
    let claims: TokenClaims;
    try {
      claims = this.accessTokens.verify(token);
    } catch (error) {
      // The denylist comes first in the reference's order: a logged-out token that has expired
      // since, or went bad otherwise, is still reported as revoked.
      if (await this.revocation.isRevoked(token)) throw new UnauthorizedException(AUTH_MESSAGES.tokenRevoked);
      throw error;
    }
    // A verified token: its revocation (one Redis round trip) and its user, read together.
    const [revoked, user] = await Promise.all([
      this.revocation.isAccessTokenRevoked(token, claims.userId, claims.issuedAt),
      this.users.findById(claims.userId),
    ]);
    if (revoked) throw new UnauthorizedException(AUTH_MESSAGES.tokenRevoked);
    return this.requireActive(user);
  }

  /**
   * The active user of a valid token, or null (anonymous) for no header and for every refusal
   * `authenticate` would answer (401, 403, 404, and 503 when revocation cannot be checked): for
   * `@OptionalAuth()` routes, which must keep working for clients that send a stale token. Other
   * errors (a database failure) are not refusals and propagate.
   */
  async identify(header: string | undefined): Promise<AuthenticatedUser | null> {
    if (header === undefined) return null;
    try {
      return await this.authenticate(header);
    } catch (error) {
      if (error instanceof HttpException) return null;
      throw error;
    }
  }

  /** 404 `User not found.` / 403 `Inactive user.` (reference 1.7, steps 4 and 5). */
  requireActive<T extends AuthenticatedUser>(user: T | null): T {
    if (!user) throw new NotFoundException(AUTH_MESSAGES.userNotFound);
    if (!user.isActive) throw new ForbiddenException(AUTH_MESSAGES.userInactive);
    return user;
  }

  /** 403 with the reference's message unless the user's group may use the route. */
  authorize(user: AuthenticatedUser, required: readonly UserGroupName[]): void {
    if (!hasGroupAccess(user.group, required)) throw new ForbiddenException(accessDeniedMessage(required));
  }
}
