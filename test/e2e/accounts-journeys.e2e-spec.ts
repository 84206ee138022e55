import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { JobsService } from '../../src/core/queues/jobs.service';
import { JobName, QueueName } from '../../src/core/queues/queues';
import { ACCOUNTS_MESSAGES } from '../../src/modules/accounts/accounts.messages';
import { PasswordResetIssuer } from '../../src/modules/accounts/password-reset-issuer';
import { newSecretToken } from '../../src/modules/accounts/secret-token';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, eventually, get, login, post } from '../utils/accounts';
import { bearer, insertUser } from '../utils/auth';
import { type CapturedMail, startSmtpListener, type SmtpListener } from '../utils/smtp-listener';
import { createTestWorker, type TestWorker } from '../utils/worker';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The one link of a mail that leads to `path`, as a browser would follow it, made relative. */
function linkTo(mail: CapturedMail, path: string): { url: string; params: URLSearchParams } {
  const links = [...new Set(mail.links.filter((link) => new URL(link).pathname === path))];
  expect(links).toHaveLength(1);
  const url = new URL(links[0]);
  expect(url.origin).toBe('http://localhost:3000');
  return { url: `${url.pathname}${url.search}`, params: url.searchParams };
}

/** Waits for a mail with this subject to exactly this recipient. */
function mailWithSubject(smtp: SmtpListener, to: string, subject: string): Promise<CapturedMail> {
  return eventually(async () => smtp.messages.find((m) => m.subject === subject && m.envelopeTo.join() === to));
}

describe('account journeys through the e-mails (API, worker and SMTP)', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  let worker: TestWorker;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    t = await createTestApp({ env: smtp.env });
    worker = await createTestWorker({ databaseUrl: t.databaseUrl, env: { ...smtp.env, REDIS_PREFIX: t.config.redisPrefix } });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('register, click the activation link, log in, refresh, log out, and be refused afterwards', async () => {
    const address = 'Ann+Films@Example.com';
    const registered = await post(t, '/accounts/register/', { email: address, password: 'Journ3y!Pass' });
    expect(answer(registered)).toEqual({ status: 201, body: { email: 'ann+films@example.com', id: expect.any(Number) } });

    const activation = await smtp.waitForMail('Ann+Films@example.com');
    expect(activation.subject).toBe('Account Activation');
    const link = linkTo(activation, '/accounts/activate/');
    expect(link.params.get('email')).toBe('Ann+Films@example.com');
    expect(answer(await post(t, '/accounts/login/', { email: address, password: 'Journ3y!Pass' }))).toEqual(
      detail(403, ACCOUNTS_MESSAGES.notActivated),
    );

    expect(answer(await get(t, link.url))).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.activated } });
    await mailWithSubject(smtp, 'Ann+Films@example.com', 'Account Activated');

    const session = await login(t, 'ann+films@example.com', 'Journ3y!Pass');
    expect((await get(t, '/accounts/me/', bearer(session.access))).json()).toMatchObject({ email: 'ann+films@example.com', is_active: true });

    const refreshed = await post(t, '/accounts/refresh/', { refresh_token: session.refresh });
    expect(refreshed.statusCode).toBe(200);
    const access = refreshed.json().access_token as string;
    expect((await get(t, '/accounts/me/', bearer(access))).statusCode).toBe(200);

    expect((await post(t, '/accounts/logout/', { refresh_token: session.refresh }, bearer(access))).statusCode).toBe(200);

    expect(answer(await get(t, '/accounts/me/', bearer(access)))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
    expect(answer(await post(t, '/accounts/refresh/', { refresh_token: session.refresh }))).toEqual(
      detail(404, ACCOUNTS_MESSAGES.refreshTokenNotFound),
    );
    expect(answer(await get(t, link.url))).toEqual(detail(400, ACCOUNTS_MESSAGES.invalidOrExpiredToken));
  });

  it('request a reset, open the page from the e-mail, submit the new password, and log in with it', async () => {
    const user = await insertUser(t, { email: 'Reset.Me@example.com', password: 'Old!Passw0rd' });
    const inactive = await insertUser(t, { email: 'sleeping@example.com', isActive: false });
    const before = await login(t, user.email, user.password);

    for (const email of ['RESET.ME@example.com', inactive.email, 'nobody@example.com']) {
      expect(answer(await post(t, '/accounts/reset-password/request/', { email }))).toEqual({
        status: 200,
        body: { message: ACCOUNTS_MESSAGES.resetRequested },
      });
    }

    // Mailed to the account's stored address, not to the address as typed.
    const mail = await smtp.waitForMail('Reset.Me@example.com');
    expect(mail).toMatchObject({ subject: 'Password Reset Request', envelopeTo: ['Reset.Me@example.com'] });
    const link = linkTo(mail, '/accounts/reset-password/complete/');
    expect(link.params.get('email')).toBe('Reset.Me@example.com');

    const page = await get(t, link.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('<form id="reset">');
    expect(page.body).not.toContain(link.params.get('token'));
    // A browser runs the inline script and style only if the policy names their hashes.
    const csp = String(page.headers['content-security-policy']);
    for (const [, content] of page.body.matchAll(/<(?:script|style)>([\s\S]*?)<\/(?:script|style)>/g)) {
      expect(csp).toContain(`'sha256-${createHash('sha256').update(content).digest('base64')}'`);
    }

    // What the page's form sends.
    const submitted = await post(t, '/accounts/reset-password/complete/', {
      email: link.params.get('email'),
      token: link.params.get('token'),
      password: 'New!Passw0rd',
    });
    expect(answer(submitted)).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.passwordReset } });

    await mailWithSubject(smtp, 'Reset.Me@example.com', 'Password Reset Complete');
    expect(answer(await get(t, '/accounts/me/', bearer(before.access)))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
    await login(t, 'reset.me@example.com', 'New!Passw0rd');

    await sleep(500);
    const recipients = smtp.messages.flatMap((m) => m.envelopeTo);
    expect(recipients).not.toContain(inactive.email);
    expect(recipients).not.toContain('nobody@example.com');
    expect(recipients.filter((to) => to === 'Reset.Me@example.com')).toHaveLength(2);
  });

  it('keeps no plain reset token once the request is handled: not in the outbox rows, not in the jobs kept in Redis', async () => {
    await insertUser(t, { email: 'no.trace@example.com' });
    expect((await post(t, '/accounts/reset-password/request/', { email: 'no.trace@example.com' })).statusCode).toBe(200);
    await smtp.waitForMail('no.trace@example.com');

    const rows: Array<{ id: string; created_at: Date; type: string; payload: Record<string, unknown>; relayed_at: Date | null }> = await t.app
      .get(DataSource)
      .query(`SELECT id, created_at, type, payload, relayed_at FROM outbox WHERE payload->>'email' = $1 OR payload->>'to' = $1 ORDER BY id`, ['no.trace@example.com']);
    expect(rows.map((row) => row.type)).toEqual([JobName.IssuePasswordReset, JobName.SendMail]);
    const jobs = worker.context.get(JobsService);
    for (const row of rows) {
      await eventually(async () => row.relayed_at ?? (await t.app.get(DataSource).query(`SELECT relayed_at FROM outbox WHERE id = $1`, [row.id]))[0].relayed_at);
      const [stored] = await t.app.get(DataSource).query(`SELECT payload FROM outbox WHERE id = $1`, [row.id]);
      expect(stored.payload).not.toHaveProperty('token');
      const queue = jobs.queue(row.type === JobName.SendMail ? QueueName.Mail : QueueName.Accounts);
      await eventually(async () => {
        const job = await queue.getJob(`outbox-${row.id}-${new Date(row.created_at).getTime()}`);
        return job && (await job.isCompleted()) && !('token' in job.data);
      });
    }
  });

  it('handles a retried reset job once: the token is stored and mailed a single time', async () => {
    const user = await insertUser(t, { email: 'retried@example.com' });
    const issuer = worker.context.get(PasswordResetIssuer);
    const job = { email: 'Retried@example.com', token: newSecretToken() };

    expect(await issuer.issue(job)).toBe('issued');
    expect(await issuer.issue(job)).toBe('already issued');
    expect(await issuer.issue({ email: 'ghost@example.com', token: newSecretToken() })).toBe('no active account');

    await smtp.waitForMail(user.email);
    await sleep(500);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(user.email))).toHaveLength(1);
  });
});
