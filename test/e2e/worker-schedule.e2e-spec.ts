import { QueueEvents, Queue } from 'bullmq';
import { Client } from 'pg';
import { JobName, QueueName } from '../../src/core/queues/queues';
import { testConfig } from '../utils/app';
import { createTestDatabase } from '../utils/database';
import { deleteRedisKeys } from '../utils/redis';
import { spawnWorker, type WorkerProcess } from '../utils/worker-process';

const EXPIRED_ACTIVATION = 2500; // more than one delete batch
const EXPIRED_RESET = 3;
const EXPIRED_REFRESH = 4;

/** Users, each with an activation token; the first few also with reset and refresh tokens. */
async function seedTokens(db: Client): Promise<void> {
  await db.query(`
    INSERT INTO users (email, _hashed_password, group_id)
    SELECT 'user' || i || '@example.com', 'x', 2 FROM generate_series(1, ${EXPIRED_ACTIVATION + 2}) AS i`);
  // Users 1..2500 hold expired activation tokens, the last two fresh ones.
  await db.query(`
    INSERT INTO activation_tokens (token, expires_at, user_id)
    SELECT md5('a' || id), CASE WHEN id <= ${EXPIRED_ACTIVATION} THEN now() - interval '1 minute' ELSE now() + interval '1 day' END, id
    FROM users`);
  await db.query(`
    INSERT INTO password_reset_tokens (token, expires_at, user_id)
    SELECT md5('p' || id), CASE WHEN id <= ${EXPIRED_RESET} THEN now() - interval '1 second' ELSE now() + interval '1 hour' END, id
    FROM users WHERE id <= ${EXPIRED_RESET + 1}`);
  await db.query(`
    INSERT INTO refresh_tokens (token, expires_at, family_id, user_id)
    SELECT md5('r' || i), CASE WHEN i <= ${EXPIRED_REFRESH} THEN now() - interval '1 day' ELSE now() + interval '7 days' END, gen_random_uuid(), 1
    FROM generate_series(1, ${EXPIRED_REFRESH + 1}) AS i`);
}

async function count(db: Client, table: string, where: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
  return rows[0].n;
}

describe('scheduled ticks across two worker processes', () => {
  const events: { added: string[]; duplicated: string[]; completed: string[] } = { added: [], duplicated: [], completed: [] };
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Client;
  let queue: Queue;
  let queueEvents: QueueEvents;
  let prefix: string;
  let redisUrl: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(database.url);
    prefix = config.redisPrefix;
    redisUrl = config.redisUrl;
    db = new Client({ connectionString: database.url });
    await db.connect();
    await seedTokens(db);

    queue = new Queue(QueueName.Maintenance, { connection: { url: redisUrl }, prefix });
    queueEvents = new QueueEvents(QueueName.Maintenance, { connection: { url: redisUrl }, prefix });
    await queueEvents.waitUntilReady();
    queueEvents.on('added', ({ jobId }) => events.added.push(jobId));
    queueEvents.on('duplicated', ({ jobId }) => events.duplicated.push(jobId));
    queueEvents.on('completed', ({ jobId }) => events.completed.push(jobId));

    const env = { NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, TASKS_TICK_SECONDS: '1' };
    workers.push(...(await Promise.all([spawnWorker(env), spawnWorker(env)])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await queueEvents?.close();
    await queue?.close();
    await db?.end();
    await deleteRedisKeys(redisUrl, prefix);
    await database?.drop();
  });

  it('enqueues and runs exactly one job per time slot, however many workers tick', async () => {
    const isCleanup = (id: string): boolean => id.startsWith(`${JobName.CleanupExpiredTokens}-`);
    // Wait until both workers have ticked into the same slots a few times.
    const deadline = Date.now() + 20_000;
    while (events.duplicated.filter(isCleanup).length < 3) {
      if (Date.now() > deadline) throw new Error(`Workers never collided on a slot: ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const stopped = await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
    // Let the last completion events arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Graceful: each finished its work and closed its connections before exiting.
    expect(stopped).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
    for (const worker of workers) expect(worker.output()).toContain('Worker stopped');
    const added = events.added.filter(isCleanup);
    const completed = events.completed.filter(isCleanup);
    expect(new Set(added).size).toBe(added.length);
    expect(new Set(completed).size).toBe(completed.length);
    for (const id of events.duplicated.filter(isCleanup)) expect(added).toContain(id);

    const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'])).filter((job) => isCleanup(job.id!));
    expect(jobs.length).toBe(added.length);
    expect(await Promise.all(jobs.map((job) => job.getState()))).toEqual(jobs.map(() => 'completed'));
    const slots = jobs.map((job) => Date.parse(job.id!.slice(`${JobName.CleanupExpiredTokens}-`.length).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z')));
    const first = Math.min(...slots);
    // One job for each one-second slot from the first to the last, none missing, none twice.
    expect([...slots].sort((a, b) => a - b)).toEqual(slots.map((_, i) => first + i * 1000));

    const deleted = jobs.reduce((sum, job) => sum + (job.returnvalue?.activation ?? 0), 0);
    expect(deleted).toBe(EXPIRED_ACTIVATION);
  }, 60_000);

  it('deleted the expired tokens of every kind and kept the fresh ones', async () => {
    expect(await count(db, 'activation_tokens', 'true')).toBe(2);
    expect(await count(db, 'activation_tokens', 'expires_at < now()')).toBe(0);
    expect(await count(db, 'password_reset_tokens', 'true')).toBe(1);
    expect(await count(db, 'refresh_tokens', 'true')).toBe(1);
    expect(await count(db, 'refresh_tokens', 'expires_at > now()')).toBe(1);
  });
});
