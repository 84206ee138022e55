import { Queue } from 'bullmq';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { QUEUE_DASHBOARD_AUTH_CHALLENGE } from '../../src/bootstrap/queue-dashboard';
import { JobName, QueueName } from '../../src/core/queues/queues';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, basic, bearer, insertUser, type TestUser } from '../utils/auth';

describe('queue dashboard (/admin/queues)', () => {
  let t: TestApp;
  let admin: TestUser;
  let moderator: TestUser;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await insertUser(t, { group: UserGroupName.Admin });
    moderator = await insertUser(t, { group: UserGroupName.Moderator });
  });
  afterAll(() => t.close());

  it.each(['/admin/queues', '/admin/queues/', '/admin/queues/api/queues', '/admin/queues/static/images/logo.svg'])(
    'asks an anonymous browser for credentials on %s',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: AUTH_MESSAGES.headerMissing });
      expect(res.headers['www-authenticate']).toBe(QUEUE_DASHBOARD_AUTH_CHALLENGE);
    },
  );

  it('refuses a moderator (403) and wrong Basic credentials (401)', async () => {
    const forbidden = await get('/admin/queues/api/queues', bearer(accessTokenFor(t, moderator.id)));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toEqual({ detail: expect.any(String) });

    const wrong = await get('/admin/queues/', basic(admin.email, 'not-the-password'));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ detail: AUTH_MESSAGES.invalidCredentials });
  });

  it("serves the page to an admin's browser (Basic) and shows every queue with its jobs to a Bearer token", async () => {
    const page = await get('/admin/queues', basic(admin.email, admin.password));
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Online Cinema queues');

    // A job waiting in the mail queue of this test's prefix shows up with its name.
    const mail = new Queue(QueueName.Mail, { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix });
    try {
      await mail.add(JobName.SendMail, { template: 'activation-confirmation', to: 'someone@example.com' }, { jobId: 'dashboard-probe' });
      const res = await get('/admin/queues/api/queues?activeQueue=mail&status=waiting', bearer(accessTokenFor(t, admin.id)));
      expect(res.statusCode).toBe(200);
      const body = res.json<{ queues: Array<{ name: string; counts: Record<string, number>; jobs: Array<{ id: string; name: string }> }> }>();
      expect(body.queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
      const mailQueue = body.queues.find((queue) => queue.name === QueueName.Mail);
      expect(mailQueue?.counts.waiting).toBe(1);
      expect(mailQueue?.jobs).toEqual([expect.objectContaining({ id: 'dashboard-probe', name: JobName.SendMail })]);
    } finally {
      await mail.close();
    }
  });
});
