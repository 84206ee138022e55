import { Injectable, UnauthorizedException } from '@nestjs/common';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { PasswordHasher } from '../../modules/accounts/password-hasher';
import { AUTH_MESSAGES } from './auth.messages';
import { AuthUsersRepository } from './auth-users.repository';
import type { AuthenticatedUser } from './authenticated-user';
import { splitAuthorizationHeader } from './authorization-header';
import { Authenticator } from './authenticator.service';

const ADMIN_ONLY = [UserGroupName.Admin] as const;

/**
 * Who may read the API docs: an admin, identified by a Bearer access token (as in the reference)
 * or by HTTP Basic with the admin's e-mail and password, which a browser can send by itself
 * (CONTRACT.md B23). Throws the same 401/403/404/503 as the guard; 401 `Invalid email or
 * password.` for wrong Basic credentials.
 */
@Injectable()
export class DocsAccess {
  /** Verified when the e-mail is unknown, so that a miss costs as long as a wrong password. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly users: AuthUsersRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async authorize(header: string | undefined): Promise<AuthenticatedUser> {
    const basic = header ? splitAuthorizationHeader(header) : null;
    const user =
      basic && basic.scheme.toLowerCase() === 'basic'
        ? await this.authenticateBasic(basic.credentials)
        : await this.authenticator.authenticate(header);
    this.authenticator.authorize(user, ADMIN_ONLY);
    return user;
  }

  private async authenticateBasic(credentials: string): Promise<AuthenticatedUser> {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new UnauthorizedException(AUTH_MESSAGES.invalidCredentials);
    const email = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);

    const found = email ? await this.users.findByEmailWithPassword(email) : null;
    const matches = await this.passwords.verify(found?.hashedPassword ?? (await this.decoy()), password);
    if (!found || !matches) throw new UnauthorizedException(AUTH_MESSAGES.invalidCredentials);
    const { hashedPassword: _hash, ...user } = this.authenticator.requireActive(found);
    return user;
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.passwords.hash('decoy password for unknown e-mails');
    return this.decoyHash;
  }
}
