import { Injectable } from '@nestjs/common';
import { JwtCodec } from '../../common/auth/jwt-codec';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';

/**
 * Refresh tokens: JWTs of type `refresh`, signed with `JWT_REFRESH_SECRET`, valid
 * `JWT_REFRESH_TTL`. An access token never verifies here, nor a refresh token as an access token.
 */
@Injectable()
export class RefreshTokenService extends JwtCodec {
  constructor(@InjectConfig() config: AppConfig) {
    super('refresh', config.jwt.refreshSecret, config.jwt.refreshTtl);
  }
}
