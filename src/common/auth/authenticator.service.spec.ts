import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import type { AccessTokenService } from './access-token.service';
import { AUTH_MESSAGES } from './auth.messages';
import type { AuthUsersRepository } from './auth-users.repository';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator.service';
import type { TokenClaims } from './jwt-codec';
import type { TokenRevocationService } from './token-revocation.service';

describe('Authenticator', () => {
  const claims: TokenClaims = { userId: 7, type: 'access', jti: 'j', issuedAt: 1_700_000_000.5, expiresAt: 1_700_003_600 };
  const activeUser: AuthenticatedUser = { id: 7, email: 'a@example.com', isActive: true, groupId: 2, group: UserGroupName.User };

  let accessTokens: { verify: jest.Mock };
  let revocation: { isRevoked: jest.Mock; isAccessTokenRevoked: jest.Mock };
  let users: { findById: jest.Mock };
  let sut: Authenticator;

  beforeEach(() => {
    accessTokens = { verify: jest.fn().mockReturnValue(claims) };
    revocation = { isRevoked: jest.fn().mockResolvedValue(false), isAccessTokenRevoked: jest.fn().mockResolvedValue(false) };
    users = { findById: jest.fn().mockResolvedValue(activeUser) };
    sut = new Authenticator(
      accessTokens as unknown as AccessTokenService,
      revocation as unknown as TokenRevocationService,
      users as unknown as AuthUsersRepository,
    );
  });

  describe('identify (optional auth)', () => {
    it('returns the active user of a valid token, and null without a header', async () => {
      await expect(sut.identify('Bearer tok')).resolves.toBe(activeUser);
      await expect(sut.identify(undefined)).resolves.toBeNull();
      expect(accessTokens.verify).toHaveBeenCalledTimes(1);
    });

    it('makes every refusal anonymous: bad token, revoked, unknown or inactive user, revocation unavailable', async () => {
      await expect(sut.identify('Basic abc')).resolves.toBeNull();
      revocation.isAccessTokenRevoked.mockResolvedValueOnce(true);
      await expect(sut.identify('Bearer tok')).resolves.toBeNull();
      users.findById.mockResolvedValueOnce(null);
      await expect(sut.identify('Bearer tok')).resolves.toBeNull();
      users.findById.mockResolvedValueOnce({ ...activeUser, isActive: false });
      await expect(sut.identify('Bearer tok')).resolves.toBeNull();
      revocation.isAccessTokenRevoked.mockRejectedValueOnce(new ServiceUnavailableException(AUTH_MESSAGES.serviceUnavailable));
      await expect(sut.identify('Bearer tok')).resolves.toBeNull();
    });

    it('lets an error that is not a refusal through (a database failure)', async () => {
      users.findById.mockRejectedValueOnce(new Error('connection lost'));
      await expect(sut.identify('Bearer tok')).rejects.toThrow('connection lost');
    });
  });

  it('returns the active user of a valid token', async () => {
    await expect(sut.authenticate('Bearer tok')).resolves.toBe(activeUser);
    expect(revocation.isAccessTokenRevoked).toHaveBeenCalledWith('tok', 7, claims.issuedAt);
    expect(users.findById).toHaveBeenCalledWith(7);
    // One revocation lookup for a verified token.
    expect(revocation.isRevoked).not.toHaveBeenCalled();
  });

  it('checks the header before anything else', async () => {
    await expect(sut.authenticate(undefined)).rejects.toThrow(AUTH_MESSAGES.headerMissing);
    expect(revocation.isRevoked).not.toHaveBeenCalled();
    expect(revocation.isAccessTokenRevoked).not.toHaveBeenCalled();
  });

  it('reports a denylisted token as revoked even when it no longer verifies (the denylist comes first)', async () => {
    accessTokens.verify.mockImplementation(() => {
      throw new UnauthorizedException(AUTH_MESSAGES.tokenExpired);
    });
    revocation.isRevoked.mockResolvedValue(true);
    await expect(sut.authenticate('Bearer tok')).rejects.toThrow(AUTH_MESSAGES.tokenRevoked);
    expect(revocation.isRevoked).toHaveBeenCalledWith('tok');
  });

  it('refuses a denylisted token that still verifies', async () => {
    revocation.isAccessTokenRevoked.mockResolvedValue(true);
    await expect(sut.authenticate('Bearer tok')).rejects.toThrow(AUTH_MESSAGES.tokenRevoked);
  });

  it("gives the token's own error for a token that does not verify and is not denylisted, and looks up no user", async () => {
    accessTokens.verify.mockImplementation(() => {
      throw new UnauthorizedException(AUTH_MESSAGES.tokenExpired);
    });
    await expect(sut.authenticate('Bearer tok')).rejects.toThrow(AUTH_MESSAGES.tokenExpired);
    expect(users.findById).not.toHaveBeenCalled();
  });

  it('refuses a token revoked with all of the user tokens before reporting a missing user', async () => {
    revocation.isAccessTokenRevoked.mockResolvedValue(true);
    users.findById.mockResolvedValue(null);
    await expect(sut.authenticate('Bearer tok')).rejects.toThrow(AUTH_MESSAGES.tokenRevoked);
  });

  it('answers 404 for a missing user and 403 for an inactive one', async () => {
    users.findById.mockResolvedValueOnce(null).mockResolvedValueOnce({ ...activeUser, isActive: false });
    await expect(sut.authenticate('Bearer tok')).rejects.toMatchObject({ status: 404, message: AUTH_MESSAGES.userNotFound });
    await expect(sut.authenticate('Bearer tok')).rejects.toMatchObject({ status: 403, message: AUTH_MESSAGES.userInactive });
  });

  it('authorizes by group, admins everywhere', () => {
    expect(() => sut.authorize(activeUser, [])).not.toThrow();
    expect(() => sut.authorize(activeUser, [UserGroupName.Moderator])).toThrow(AUTH_MESSAGES.moderatorRequired);
    expect(() => sut.authorize({ ...activeUser, group: UserGroupName.Admin }, [UserGroupName.Moderator])).not.toThrow();
  });
});
