import type { DataSource } from 'typeorm';
import { OutboxMessage } from '../../src/core/outbox/outbox.entity';
import { JobsService } from '../../src/core/queues/jobs.service';
import { QueueName } from '../../src/core/queues/queues';
import { MailModule } from '../../src/modules/mail/mail.module';
import { MailService } from '../../src/modules/mail/mail.service';
import { eventually } from '../utils/accounts';
import { startSmtpListener, type SmtpListener } from '../utils/smtp-listener';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy';
import { createTestWorker, type TestWorker } from '../utils/worker';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function outboxRowsTo(dataSource: DataSource, address: string): Promise<OutboxMessage[]> {
  return dataSource.getRepository(OutboxMessage).createQueryBuilder('o').where(`o.payload->>'to' = :address`, { address }).getMany();
}

describe('mail through the outbox and the worker', () => {
  let smtp: SmtpListener;
  let worker: TestWorker;
  let mail: MailService;

  beforeAll(async () => {
    smtp = await startSmtpListener({ auth: { user: 'mailer', password: 's3cret' } });
    worker = await createTestWorker({
      imports: [MailModule],
      env: { ...smtp.env, SMTP_USER: 'mailer', SMTP_PASSWORD: 's3cret', MAIL_FROM: 'Online Cinema <no-reply@cinema.test>' },
    });
    mail = worker.context.get(MailService);
  });

  afterAll(async () => {
    await worker?.close();
    await smtp?.close();
  });

  it('delivers a mail committed with its transaction, logged in, with a URL-encoded link', async () => {
    await worker.dataSource.transaction((tx) => mail.sendActivation(tx, 'ann+films@example.com', 'tok_EN-123'));

    const sent = await smtp.waitForMail('ann+films@example.com');
    expect(sent.user).toBe('mailer');
    expect(sent.from).toContain('<no-reply@cinema.test>');
    expect(sent.to).toBe('ann+films@example.com');
    expect(sent.subject).toBe('Account Activation');
    const link = 'http://localhost:3000/accounts/activate/?email=ann%2Bfilms%40example.com&token=tok_EN-123';
    expect(sent.links).toContain(link);
    expect(sent.html).toContain('Activate Account');
    expect(sent.text).toContain(link);
    expect(new URL(link).searchParams.get('email')).toBe('ann+films@example.com');

    const [row] = await outboxRowsTo(worker.dataSource, 'ann+films@example.com');
    expect(sent.messageId).toBe(`<outbox-${row.id}-${row.createdAt.getTime()}@cinema.test>`);
    expect(row.relayedAt).toBeInstanceOf(Date);
  });

  it('keeps no plain token once the mail has gone: neither the relayed outbox row nor the job kept in Redis', async () => {
    await worker.dataSource.transaction((tx) => mail.sendActivation(tx, 'secret.keeper@example.com', 'tok_SECRET-1'));
    await smtp.waitForMail('secret.keeper@example.com');

    const [row] = await outboxRowsTo(worker.dataSource, 'secret.keeper@example.com');
    expect(row.relayedAt).toBeInstanceOf(Date);
    expect(row.payload).toEqual({ template: 'activation', to: 'secret.keeper@example.com' });
    const job = await eventually(async () => {
      const found = await worker.context.get(JobsService).queue(QueueName.Mail).getJob(`outbox-${row.id}-${row.createdAt.getTime()}`);
      return found && (await found.isCompleted()) && !('token' in found.data) ? found : null;
    });
    expect(job.data).toEqual({ template: 'activation', to: 'secret.keeper@example.com' });
  });

  it('sends nothing for a rolled-back transaction', async () => {
    await expect(
      worker.dataSource.transaction(async (tx) => {
        await mail.sendPasswordResetRequest(tx, 'rolled-back@example.com', 'never');
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await worker.dataSource.transaction((tx) => mail.sendPasswordResetCompletion(tx, 'after-rollback@example.com'));

    await smtp.waitForMail('after-rollback@example.com');
    expect(await outboxRowsTo(worker.dataSource, 'rolled-back@example.com')).toEqual([]);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes('rolled-back@example.com'))).toEqual([]);
  });

  it('retries when the SMTP server refuses at first, and delivers exactly once', async () => {
    smtp.failNext(1, 451);
    const attemptsBefore = smtp.attempts;

    await worker.dataSource.transaction((tx) =>
      mail.sendPaymentSuccess(tx, 'payer@example.com', {
        orderId: 12,
        amount: '19.98',
        date: new Date('2024-05-01T12:30:00Z'),
        paymentId: 34,
        items: [
          { name: 'Heat', price: '9.99' },
          { name: 'Alien', price: '9.99' },
        ],
      }),
    );

    const sent = await smtp.waitForMail('payer@example.com', 15_000);
    expect(smtp.attempts - attemptsBefore).toBe(2);
    expect(sent.subject).toBe('Payment Confirmation');
    expect(sent.html).toContain('$19.98');
    expect(sent.html).toContain('<li>Alien - $9.99</li>');
    await sleep(500);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes('payer@example.com'))).toHaveLength(1);
  });

  it('does not send twice when a row is relayed again (a relay that crashed before stamping it)', async () => {
    await worker.dataSource.transaction((tx) => mail.sendActivationConfirmation(tx, 'once@example.com'));
    await smtp.waitForMail('once@example.com');
    const [row] = await outboxRowsTo(worker.dataSource, 'once@example.com');

    await worker.dataSource.getRepository(OutboxMessage).update(row.id, { relayedAt: null });
    await eventually(async () => (await outboxRowsTo(worker.dataSource, 'once@example.com'))[0].relayedAt);
    await sleep(500);

    expect(smtp.messages.filter((m) => m.envelopeTo.includes('once@example.com'))).toHaveLength(1);
  });

  it('relays each row once when two workers relay side by side', async () => {
    const second = await createTestWorker({
      databaseUrl: worker.config.databaseUrl,
      env: { ...smtp.env, SMTP_USER: 'mailer', SMTP_PASSWORD: 's3cret', REDIS_PREFIX: worker.config.redisPrefix },
    });
    try {
      const addresses = Array.from({ length: 150 }, (_, i) => `crowd${i}@example.com`);
      await worker.dataSource.transaction(async (tx) => {
        for (const address of addresses) await mail.sendActivationConfirmation(tx, address);
      });

      await Promise.all(addresses.map((address) => smtp.waitForMail(address, 20_000)));
      await sleep(500);
      const received = smtp.messages.filter((m) => m.envelopeTo[0].startsWith('crowd')).map((m) => m.envelopeTo[0]);
      expect(received.sort()).toEqual([...addresses].sort());
    } finally {
      await second.close();
    }
  }, 40_000);
});

describe('the outbox relay while Redis is unreachable', () => {
  let smtp: SmtpListener;
  let redis: TcpProxy;
  let worker: TestWorker;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    redis = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    worker = await createTestWorker({ imports: [MailModule], env: { ...smtp.env, REDIS_URL: `redis://127.0.0.1:${redis.port}` } });
  });

  afterAll(async () => {
    redis?.restore();
    await worker?.close();
    await redis?.close();
    await smtp?.close();
  });

  it('keeps the row, retries, and relays it once Redis is back', async () => {
    await worker.context.get(JobsService).queue(QueueName.Mail).waitUntilReady();
    redis.cut();
    const mail = worker.context.get(MailService);
    await worker.dataSource.transaction((tx) => mail.sendActivationConfirmation(tx, 'patient@example.com'));

    const failed = await eventually(async () => {
      const [row] = await outboxRowsTo(worker.dataSource, 'patient@example.com');
      return row.attempts >= 2 && row;
    });
    expect(failed.relayedAt).toBeNull();
    expect(failed.lastError).toEqual(expect.any(String));
    expect(smtp.messages).toEqual([]);

    redis.restore();
    const sent = await smtp.waitForMail('patient@example.com', 15_000);
    expect(sent.subject).toBe('Account Activated');
    const [row] = await outboxRowsTo(worker.dataSource, 'patient@example.com');
    expect(row.relayedAt).toBeInstanceOf(Date);
    expect(smtp.messages).toHaveLength(1);
  });
});
