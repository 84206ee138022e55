import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { JwtCodec } from './jwt-codec';

/**
 * Access tokens: `JWT_ACCESS_SECRET`, lifetime `JWT_ACCESS_TTL` unless the caller passes a shorter
 * one (never a longer one: `TokenRevocationService.revokeAllForUser` holds for `JWT_ACCESS_TTL`).
 * Refresh tokens are the same codec with their own type and secret (accounts' `RefreshTokenService`).
 */
@Injectable()
export class AccessTokenService extends JwtCodec {
  constructor(@InjectConfig() config: AppConfig) {
    super('access', config.jwt.accessSecret, config.jwt.accessTtl);
  }
}
