import { routeAccessOf } from '../../../../test/utils/route-access';
import { CommentsController, MovieCommentsController } from './comments.controller';

const user = { public: false, groups: [] };

describe('comments route access', () => {
  it('needs a signed-in user on every route; who may edit or delete is decided per comment', () => {
    expect(routeAccessOf(MovieCommentsController)).toEqual({ list: user, create: user });
    expect(routeAccessOf(CommentsController)).toEqual({ update: user, remove: user, like: user, unlike: user });
  });
});
