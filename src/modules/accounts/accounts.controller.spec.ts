import { routeAccessOf } from '../../../test/utils/route-access';
import { AccountsController } from './accounts.controller';
import { AdminAccountsController } from './admin-accounts.controller';
import { UserGroupName } from './entities/user-group.entity';

describe('accounts route access', () => {
  it('opens the sign-up, sign-in and recovery routes and guards the rest', () => {
    const open = { public: true };
    const user = { public: false, groups: [] };

    expect(routeAccessOf(AccountsController)).toEqual({
      register: open,
      resendActivation: open,
      activate: open,
      login: open,
      // Both read the access token themselves (reference 3.5; CONTRACT.md B7).
      logout: open,
      refresh: open,
      changePassword: user,
      requestPasswordReset: open,
      resetPasswordPage: open,
      completePasswordReset: open,
      me: user,
    });
  });

  it('keeps user administration for admins', () => {
    const admin = { public: false, groups: [UserGroupName.Admin] };
    expect(routeAccessOf(AdminAccountsController)).toEqual({ activate: admin, changeGroup: admin });
  });
});
