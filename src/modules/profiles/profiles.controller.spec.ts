import { Reflector } from '@nestjs/core';
import { resolveRouteAccess } from '../../common/auth/route-access';
import { MediaController } from './media.controller';
import { ProfilesController } from './profiles.controller';

function accessOf(controller: Function): Record<string, unknown> {
  const reflector = new Reflector();
  const prototype = controller.prototype as Record<string, Function>;
  return Object.fromEntries(
    Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => [name, resolveRouteAccess(reflector, prototype[name], controller)]),
  );
}

describe('profiles route access', () => {
  it('lets any signed-in user reach the profile routes (the service applies owner-or-admin)', () => {
    const user = { public: false, groups: [] };
    expect(accessOf(ProfilesController)).toEqual({ create: user, update: user, view: user });
  });

  it('serves avatar files publicly', () => {
    expect(accessOf(MediaController)).toEqual({ avatar: { public: true } });
  });
});
