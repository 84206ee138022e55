import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DocsAccess } from '../common/auth/docs-access.service';
import type { AppConfig } from '../core/config/app-config';
import { bullConnection } from '../core/queues/bull-connection';
import { QueueName } from '../core/queues/queues';
import { adminPageGuard } from './admin-page-guard';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

export const QUEUE_DASHBOARD_AUTH_CHALLENGE = 'Basic realm="Online Cinema queues", charset="UTF-8"';

/**
 * The queue dashboard (CONTRACT.md C.8): Bull Board at `/admin/queues`, over every queue of the
 * service (mail, accounts, maintenance), with its actions (retry, promote, clean, remove), for
 * admins only: a Bearer access token, or HTTP Basic with an admin's e-mail and password so that a
 * browser can open it, checked and rate-limited exactly as for the API docs (`DocsAccess`).
 *
 * The API process runs no worker; these queue handles only read and manage jobs. Registered on
 * Fastify in a plugin of its own, so its guard hook covers every dashboard route (pages, static
 * assets and its JSON API) and nothing else. Must be called before `app.init()`.
 */
export function setupQueueDashboard(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const access = app.get(DocsAccess);
  const queues = Object.values(QueueName).map(
    (name) => new Queue(name, { connection: bullConnection(config, 'producer'), prefix: config.redisPrefix }),
  );
  // Connection errors show as failed dashboard requests; this only keeps them from being unhandled.
  for (const queue of queues) queue.on('error', () => undefined);

  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Online Cinema queues' } },
  });

  void fastify.register(
    async (scope) => {
      scope.addHook('onRequest', adminPageGuard(access, QUEUE_DASHBOARD_AUTH_CHALLENGE));
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
  fastify.addHook('onClose', async () => {
    // These handles hold no work: a Redis that is away cannot fail the shutdown (QUIT needs it).
    await Promise.all(queues.map((queue) => queue.close().catch(() => queue.disconnect())));
  });
}
