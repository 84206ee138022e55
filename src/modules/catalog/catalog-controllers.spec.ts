import { Reflector } from '@nestjs/core';
import { resolveRouteAccess } from '../../common/auth/route-access';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import { CertificationsController } from './certifications.controller';
import { DirectorsController } from './directors.controller';
import { GenresController } from './genres.controller';
import { MoviesController } from './movies.controller';
import { StarsController } from './stars.controller';

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

const anyone = { public: true };
/** Public, and personalized for a caller with a valid token (`@OptionalAuth()`). */
const anyoneIdentified = { public: true, viewer: true };
const user = { public: false, groups: [] };
const moderator = { public: false, groups: [UserGroupName.Moderator] };

describe('catalog route access (reference section 0)', () => {
  it('opens the lists, shows details to users and keeps writes for moderators and admins', () => {
    expect(accessOf(MoviesController)).toEqual({ list: anyoneIdentified, create: moderator, get: user, update: moderator, remove: moderator });
    for (const controller of [GenresController, StarsController, DirectorsController]) {
      expect(accessOf(controller)).toEqual({ list: anyone, create: moderator, get: user, update: moderator, remove: moderator });
    }
    expect(accessOf(CertificationsController)).toEqual({ list: anyone, get: user });
  });
});
