import { UnauthorizedException } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createSecretKey, randomUUID } from 'node:crypto';
import { AUTH_MESSAGES } from './auth.messages';

export type TokenType = 'access' | 'refresh';

/** The verified content of a token, in our own names. */
export interface TokenClaims {
  userId: number;
  type: TokenType;
  /** Random id: two tokens minted for one user in the same second still differ. */
  jti: string;
  /** Unix seconds, with millisecond precision (see `sign`). */
  issuedAt: number;
  /** Unix seconds. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  claims: TokenClaims;
}

/** The JWT payload on the wire: the reference's `user_id` and `exp`, plus `type`, `iat`, `jti`. */
interface WirePayload {
  user_id?: unknown;
  type?: unknown;
  jti?: unknown;
  iat?: unknown;
  exp?: unknown;
}

/**
 * Signs and verifies one type of token with its own secret (jsonwebtoken, through @nestjs/jwt).
 * The algorithm is pinned to HS256 on both sides, so `alg: none` or another algorithm never
 * verifies, and the `type` claim must match, so a refresh token is refused where an access token
 * is expected even if both secrets were configured alike. Subclasses bind a type to its secret
 * and lifetime (`AccessTokenService`).
 */
export class JwtCodec {
  private readonly jwt: JwtService;

  constructor(
    private readonly type: TokenType,
    secret: string,
    private readonly defaultTtlSeconds: number,
  ) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse
    // it as a PEM key on every sign and verify, which costs more than the signature itself.
    const key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.jwt = new JwtService({
      privateKey: key,
      publicKey: key,
      signOptions: { algorithm: 'HS256' },
      verifyOptions: { algorithms: ['HS256'] },
    });
  }

  sign(userId: number, ttlSeconds: number = this.defaultTtlSeconds): IssuedToken {
    const nowMs = Date.now();
    const claims: TokenClaims = {
      userId,
      type: this.type,
      jti: randomUUID(),
      // A NumericDate may carry a fraction (RFC 7519, 2). Millisecond precision lets
      // "revoke everything issued before now" tell apart tokens minted in the same second,
      // just before and just after a password change.
      issuedAt: nowMs / 1000,
      expiresAt: Math.floor(nowMs / 1000) + ttlSeconds,
    };
    const payload = { user_id: userId, type: claims.type, jti: claims.jti, iat: claims.issuedAt, exp: claims.expiresAt };
    return { token: this.jwt.sign(payload), claims };
  }

  /**
   * Verifies the signature, the expiry and the type. Throws 401 `Token has expired`, 401
   * `Invalid token` (anything else wrong with the JWT), or 401 `Invalid token payload.` when the
   * token is genuine but names no user (reference 1.7, steps 2 and 3). `ignoreExpiration` accepts
   * an expired but otherwise genuine token (to identify its owner, as `/accounts/refresh/` does).
   */
  verify(token: string, options: { ignoreExpiration?: boolean } = {}): TokenClaims {
    let payload: WirePayload;
    try {
      payload = this.jwt.verify<WirePayload>(token, { ignoreExpiration: options.ignoreExpiration === true });
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new UnauthorizedException(AUTH_MESSAGES.tokenExpired);
      throw new UnauthorizedException(AUTH_MESSAGES.tokenInvalid);
    }
    const { user_id: userId, type, jti, iat, exp } = payload;
    if (type !== this.type || typeof exp !== 'number' || typeof iat !== 'number' || typeof jti !== 'string') {
      throw new UnauthorizedException(AUTH_MESSAGES.tokenInvalid);
    }
    if (typeof userId !== 'number' || !Number.isSafeInteger(userId) || userId <= 0) {
      throw new UnauthorizedException(AUTH_MESSAGES.tokenPayloadInvalid);
    }
    return { userId, type: this.type, jti, issuedAt: iat, expiresAt: exp };
  }
}
