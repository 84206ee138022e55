import { ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { AUTH_MESSAGES } from '../../common/auth/auth.messages';
import { TokenRevocationService } from '../../common/auth/token-revocation.service';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { ACCOUNTS_MESSAGES } from './accounts.messages';
import { type LoginResponse, message, type MessageResponse, type RefreshResponse } from './accounts.responses';
import type { CredentialsDto } from './dto/credentials.dto';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenService } from './refresh-token.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { tokenDigest } from './secret-token';
import { UsersRepository } from './users.repository';

/** Access tokens issued by `/accounts/refresh/` live 15 minutes, as in the reference (3.6). */
const REFRESHED_ACCESS_TTL_SECONDS = 15 * 60;

/**
 * Sessions: login, refresh, logout, and ending every session of a user. A session is a refresh
 * token, stored as its digest with the JWT's expiry; a user may hold several (CONTRACT.md B7).
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshCodec: RefreshTokenService,
    private readonly revocation: TokenRevocationService,
  ) {}

  /**
   * Reference 3.4: 401 `Invalid email or password.` for an unknown e-mail or a wrong password
   * (both cost one hash verification), then 403 for an inactive account. A bcrypt hash that
   * verified is replaced by an argon2id one (CONTRACT.md B33). Opens a new session; the user's
   * other sessions stay.
   */
  async login(credentials: CredentialsDto): Promise<LoginResponse> {
    const user = await this.users.findByEmail(credentials.email);
    const matches = await this.passwords.verifyAttempt(user?.hashedPassword ?? null, credentials.password);
    if (!user || !matches) throw new UnauthorizedException(AUTH_MESSAGES.invalidCredentials);
    if (!user.isActive) throw new ForbiddenException(ACCOUNTS_MESSAGES.notActivated);
    if (this.passwords.needsRehash(user.hashedPassword)) {
      await this.users.replaceHash(user.id, user.hashedPassword, await this.passwords.hash(credentials.password));
    }
    const refreshToken = await this.openSession(this.dataSource.manager, user.id, randomUUID());
    return { access_token: this.accessTokens.sign(user.id).token, refresh_token: refreshToken, token_type: 'bearer' };
  }

  /**
   * Reference 3.6 with CONTRACT.md B7: the refresh token alone is enough; an access token, if the
   * caller sends one (expired or not), must be the same user's. Checks in order: the refresh JWT
   * (401), the owner of the access token (401), the stored session (404, 401 expired, 401
   * revoked), the user (404, 403). With rotation on, the presented token is revoked and a new one
   * of the same family returned; presenting a revoked token again revokes the whole family.
   */
  async refresh(refreshToken: string, accessToken: string | null): Promise<RefreshResponse> {
    const claims = this.refreshCodec.verify(refreshToken);
    if (accessToken !== null && this.accessTokens.verify(accessToken, { ignoreExpiration: true }).userId !== claims.userId) {
      throw new UnauthorizedException(ACCOUNTS_MESSAGES.tokenNotOwned);
    }
    const session = await this.refreshTokens.findByDigest(tokenDigest(refreshToken));
    if (!session) throw new NotFoundException(ACCOUNTS_MESSAGES.refreshTokenNotFound);
    if (session.expiresAt.getTime() <= Date.now()) {
      await this.refreshTokens.delete(session.id);
      throw new UnauthorizedException(ACCOUNTS_MESSAGES.refreshTokenExpired);
    }
    if (session.revokedAt !== null) {
      await this.refreshTokens.revokeFamily(session.familyId);
      throw new UnauthorizedException(ACCOUNTS_MESSAGES.refreshTokenRevoked);
    }
    const user = await this.users.findById(session.userId);
    if (!user) throw new NotFoundException(AUTH_MESSAGES.userNotFound);
    if (!user.isActive) throw new ForbiddenException(AUTH_MESSAGES.userInactive);

    const ttl = Math.min(REFRESHED_ACCESS_TTL_SECONDS, this.config.jwt.accessTtl);
    const access = this.accessTokens.sign(user.id, ttl).token;
    if (!this.config.jwt.refreshTokenRotation) return { access_token: access, token_type: 'bearer' };

    const rotated = await this.dataSource.transaction(async (tx) => {
      // Of two requests rotating the same token at once, only one revokes it; the other is
      // refused without punishing the family, since neither request reused a revoked token.
      if (!(await this.refreshTokens.revoke(tx, session.id))) return null;
      return this.openSession(tx, user.id, session.familyId);
    });
    if (rotated === null) throw new UnauthorizedException(ACCOUNTS_MESSAGES.refreshTokenRevoked);
    return { access_token: access, refresh_token: rotated, token_type: 'bearer' };
  }

  /**
   * Reference 3.5 with CONTRACT.md B8: the access token must verify (401); it is denylisted until
   * it expires (503 when Redis cannot record that), and the refresh token is deleted if it is
   * the caller's own. An unknown refresh token is ignored, as in the reference.
   */
  async logout(accessToken: string, refreshToken: string): Promise<MessageResponse> {
    const claims = this.accessTokens.verify(accessToken);
    await this.revocation.revoke(accessToken, claims.expiresAt);
    await this.refreshTokens.deleteOwn(claims.userId, tokenDigest(refreshToken));
    return message(ACCOUNTS_MESSAGES.loggedOut);
  }

  /**
   * Ends every session of the user, inside the caller's transaction: the refresh tokens go and
   * every access token issued so far is refused. Throws 503 when Redis cannot record the
   * revocation, which rolls the transaction back.
   */
  async revokeAll(manager: EntityManager, userId: number): Promise<void> {
    await this.refreshTokens.deleteAllForUser(manager, userId);
    await this.revocation.revokeAllForUser(userId);
  }

  private async openSession(manager: EntityManager, userId: number, familyId: string): Promise<string> {
    const { token, claims } = this.refreshCodec.sign(userId);
    await this.refreshTokens.insert({ userId, digest: tokenDigest(token), familyId, expiresAt: new Date(claims.expiresAt * 1000) }, manager);
    return token;
  }
}
