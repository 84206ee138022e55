import { createServer, type AddressInfo, type Server } from 'node:net';
import { HEALTH_MESSAGES } from '../../src/modules/health/health.messages';
import { createTestApp, type TestApp } from '../utils/app';

/** A loopback port nothing listens on: bound, noted, released. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('health', () => {
  describe('with every dependency up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it.each(['/health/live/', '/health/live'])('answers GET %s with ok, without authentication', async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it('is ready when PostgreSQL and Redis answer', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/health/ready/' });
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 200,
        body: { status: 'ok', checks: { database: 'ok', redis: 'ok' } },
      });
    });
  });

  describe('with Redis unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } });
    });
    afterAll(() => t.close());

    it('is still live', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/health/live/' });
      expect(res.statusCode).toBe(200);
    });

    it('is not ready: 503 with a detail and the failing check', async () => {
      const started = Date.now();
      const res = await t.app.inject({ method: 'GET', url: '/health/ready/' });
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 503,
        body: { detail: HEALTH_MESSAGES.notReady, checks: { database: 'ok', redis: 'unavailable' } },
      });
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});
