import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { Auth, Public } from './auth.decorators';
import { listRoutes, RouteAuthCheck } from './route-auth-check';

@Auth(UserGroupName.Admin)
@Controller('/admin/')
class AdminController {
  @Get('orders')
  orders(): void {}

  @Public()
  @Get('status/')
  status(): void {}

  helper(): void {}
}

@Public()
@Controller('movies')
class MoviesController {
  @Get()
  list(): void {}

  @Auth(UserGroupName.Moderator)
  @Post('create')
  create(): void {}
}

@Controller('forgotten')
class ForgottenController {
  @Auth()
  @Get('mine')
  mine(): void {}

  @Get('open')
  open(): void {}
}

async function compile(...controllers: Function[]) {
  return Test.createTestingModule({ imports: [DiscoveryModule], controllers: controllers as never[], providers: [RouteAuthCheck] }).compile();
}

describe('listRoutes', () => {
  it('lists every route handler with what it declares, the handler winning over its controller', async () => {
    const moduleRef = await compile(AdminController, MoviesController, ForgottenController);
    const routes = listRoutes(moduleRef.get(DiscoveryService), moduleRef.get(MetadataScanner), moduleRef.get(Reflector));

    expect(routes).toEqual([
      { name: 'GET /admin/orders (AdminController.orders)', access: { public: false, groups: [UserGroupName.Admin] } },
      { name: 'GET /admin/status (AdminController.status)', access: { public: true } },
      { name: 'GET /movies (MoviesController.list)', access: { public: true } },
      { name: 'POST /movies/create (MoviesController.create)', access: { public: false, groups: [UserGroupName.Moderator] } },
      { name: 'GET /forgotten/mine (ForgottenController.mine)', access: { public: false, groups: [] } },
      { name: 'GET /forgotten/open (ForgottenController.open)', access: null },
    ]);
  });
});

describe('RouteAuthCheck', () => {
  it('lets an application whose routes all declare access start', async () => {
    const moduleRef = await compile(AdminController, MoviesController);
    await expect(moduleRef.init()).resolves.toBe(moduleRef);
    await moduleRef.close();
  });

  it('refuses to start an application with an undeclared route, naming it', async () => {
    const moduleRef = await compile(AdminController, ForgottenController);
    await expect(moduleRef.init()).rejects.toThrow(
      'Routes without @Public() or @Auth():\n  - GET /forgotten/open (ForgottenController.open)',
    );
  });
});
