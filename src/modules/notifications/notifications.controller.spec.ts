import { routeAccessOf } from '../../../test/utils/route-access';
import { NotificationsController } from './notifications.controller';

const user = { public: false, groups: [] };

describe('notifications route access', () => {
  it('needs a signed-in user on every route', () => {
    expect(routeAccessOf(NotificationsController)).toEqual({ list: user, readAll: user, read: user });
  });
});
