import { Injectable, UnauthorizedException } from '@nestjs/common';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { PasswordHasher } from '../../modules/accounts/password-hasher';
import { accountSubject } from '../rate-limit/account-subject';
import { RateLimitExceededException } from '../rate-limit/rate-limit-exceeded.exception';
import { RATE_LIMITS, type RateLimitRule } from '../rate-limit/rate-limit.rules';
import { RateLimitService } from '../rate-limit/rate-limit.service';
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
 *
 * Basic credentials are a password check like `/accounts/login/`, so they share its limits
 * (same rules, same keys): without that, the docs would be a way around them, and their 401
 * versus 403 would tell anyone's right password from a wrong one. Every attempt is counted
 * before its password is checked (429 `RateLimitExceededException` past a limit), so guesses
 * sent all at once cannot outrun the limit; a right password is refunded, since a browser sends
 * the credentials again with every page and asset.
 */
@Injectable()
export class DocsAccess {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly users: AuthUsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly limits: RateLimitService,
  ) {}

  async authorize(header: string | undefined, clientIp: string): Promise<AuthenticatedUser> {
    const basic = header ? splitAuthorizationHeader(header) : null;
    const user =
      basic && basic.scheme.toLowerCase() === 'basic'
        ? await this.authenticateBasic(basic.credentials, clientIp)
        : await this.authenticator.authenticate(header);
    this.authenticator.authorize(user, ADMIN_ONLY);
    return user;
  }

  private async authenticateBasic(credentials: string, clientIp: string): Promise<AuthenticatedUser> {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new UnauthorizedException(AUTH_MESSAGES.invalidCredentials);
    const email = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);

    const budgets = this.passwordGuessBudgets(clientIp, email);
    for (const { rule, subject } of budgets) {
      const decision = await this.limits.hit(rule, subject);
      if (!decision.allowed) throw new RateLimitExceededException(decision.retryAfterSeconds);
    }
    const found = email ? await this.users.findByEmailWithPassword(email) : null;
    const matches = await this.passwords.verifyAttempt(found?.hashedPassword ?? null, password);
    if (!found || !matches) throw new UnauthorizedException(AUTH_MESSAGES.invalidCredentials);
    await Promise.all(budgets.map(({ rule, subject }) => this.limits.refund(rule, subject)));
    const { hashedPassword: _hash, ...user } = this.authenticator.requireActive(found);
    return user;
  }

  private passwordGuessBudgets(clientIp: string, email: string): Array<{ rule: RateLimitRule; subject: string }> {
    if (!this.limits.enabled) return [];
    const account = accountSubject(email);
    return [
      { rule: RATE_LIMITS.loginPerIp, subject: clientIp },
      ...(account === null ? [] : [{ rule: RATE_LIMITS.loginPerAccount, subject: account }]),
    ];
  }
}
