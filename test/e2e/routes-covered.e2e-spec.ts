import { Controller, Get } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { listRoutes } from '../../src/common/auth/route-auth-check';
import { APP_CONFIG } from '../../src/core/config/config.module';
import { testConfig } from '../utils/app';
import { createTestDatabase } from '../utils/database';

/** A route that forgot its decorator: the walk must report it, and nothing else. */
@Controller('route-coverage-probe')
class ForgetfulController {
  @Get('forgotten')
  forgotten(): string {
    return 'open by mistake';
  }
}

/**
 * Walks every route of the real application, without starting it (so without the boot check,
 * which enforces the same rule), and asserts that each declares @Public() or @Auth().
 */
describe('route coverage', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    database = await createTestDatabase();
    moduleRef = await Test.createTestingModule({ imports: [AppModule], controllers: [ForgetfulController] })
      .overrideProvider(APP_CONFIG)
      .useValue(testConfig(database.url))
      .compile();
  });
  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
  });

  it('every route of AppModule declares @Public() or @Auth()', () => {
    const routes = listRoutes(
      moduleRef.get(DiscoveryService, { strict: false }),
      moduleRef.get(MetadataScanner, { strict: false }),
      moduleRef.get(Reflector, { strict: false }),
    );
    expect(routes.filter((route) => route.access === null).map((route) => route.name)).toEqual([
      'GET /route-coverage-probe/forgotten (ForgetfulController.forgotten)',
    ]);
  });
});
