import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { AUTH_MESSAGES } from './auth.messages';
import { accessDeniedMessage, hasGroupAccess } from './group-access';

const { Admin, Moderator, User } = UserGroupName;

describe('hasGroupAccess', () => {
  it.each([
    [User, [], true],
    [User, [Admin], false],
    [User, [Moderator], false],
    [Moderator, [Moderator], true],
    [Moderator, [Admin], false],
    [Admin, [Admin], true],
    [Admin, [Moderator], true],
  ] as const)('%s on a route for %j: %p', (group, required, expected) => {
    expect(hasGroupAccess(group, required)).toBe(expected);
  });
});

describe('accessDeniedMessage', () => {
  it("uses the reference's messages", () => {
    expect(accessDeniedMessage([Admin])).toBe(AUTH_MESSAGES.adminRequired);
    expect(accessDeniedMessage([Moderator])).toBe(AUTH_MESSAGES.moderatorRequired);
  });
});
