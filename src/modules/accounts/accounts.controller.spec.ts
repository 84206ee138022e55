import { Reflector } from '@nestjs/core';
import { resolveRouteAccess } from '../../common/auth/route-access';
import { AccountsController } from './accounts.controller';
import { AdminAccountsController } from './admin-accounts.controller';
import { UserGroupName } from './entities/user-group.entity';

/** Who may call each route: the handlers' own `@Public()` / `@Auth()` (or their controller's). */
function accessOf(controller: Function): Record<string, unknown> {
  const reflector = new Reflector();
  const prototype = controller.prototype as Record<string, Function>;
  return Object.fromEntries(
    Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => [name, resolveRouteAccess(reflector, prototype[name], controller)]),
  );
}

describe('accounts route access', () => {
  it('opens the sign-up, sign-in and recovery routes and guards the rest', () => {
    const open = { public: true };
    const user = { public: false, groups: [] };

    expect(accessOf(AccountsController)).toEqual({
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
    expect(accessOf(AdminAccountsController)).toEqual({ activate: admin, changeGroup: admin });
  });
});
