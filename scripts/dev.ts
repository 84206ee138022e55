import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AppConfig, ConfigError, loadConfig } from '../src/core/config/app-config';
import { describeExit, exitCodeOf, type NodeChild, startNodeProcess } from './dev/child-process';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './dev/embedded-postgres';
import { MailCatcher, type MailCatcherAddress } from './dev/mail-catcher';
import { pingRedis } from './dev/redis-check';

/**
 * `npm start`: the whole service on a laptop with one command (README.md, "Quick start"). It
 * checks Redis, starts an embedded PostgreSQL when DATABASE_URL is unset and a mail catcher when
 * SMTP_HOST is unset, applies the migrations, runs the seed, then runs the API and the worker
 * until Ctrl-C. Shutdown goes in reverse: API and worker first, then the mail catcher, then
 * PostgreSQL.
 */

const ROOT = resolve(__dirname, '..', '..');
const DATA_DIR = join(ROOT, '.data');

/** Development defaults, documented in README.md and .env.example. */
const DEV_ADMIN = { email: 'admin@example.com', password: 'DevAdmin123!' } as const;
const PREFERRED_PORTS = { postgres: 54329, smtp: 1025, inbox: 1080 } as const;
const READY_TIMEOUT_MS = 120_000;

/** A failure with a message for the developer: printed without a stack trace. */
class LaunchError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const say = (line: string) => console.log(`[dev] ${line}`);

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

function redisHelp(url: string, error: unknown): string {
  return [
    `No Redis answers at ${url} (${error instanceof Error ? error.message : String(error)}).`,
    'The service needs one for its queues, token revocation and rate limits. Start one, for example:',
    '  Debian/Ubuntu:  sudo apt-get install redis-server   (it starts as a service)',
    '  Docker:         docker run -d --name cinema-redis -p 6379:6379 redis:7',
    'or set REDIS_URL to a server you have, then run npm start again.',
  ].join('\n');
}

class Launcher {
  private readonly env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };
  private readonly children = new Set<NodeChild>();
  private postgres: EmbeddedPostgres | null = null;
  private mail: MailCatcher | null = null;
  private stopping: Promise<void> | null = null;

  async run(): Promise<void> {
    const startedAt = performance.now();
    const config = this.configure();
    await this.checkRedis(config.redisUrl);
    await this.startDatabase();
    const inbox = await this.startMailCatcher();
    await this.runStep('migrations', 'dist/scripts/migrate.js');
    await this.runStep('seed', 'dist/src/seed/seed.js');
    this.startService('api', 'dist/src/main.js');
    this.startService('worker', 'dist/src/worker.js');
    const ready = await this.waitUntilReady(config);
    this.printSummary(config, inbox, ready, (performance.now() - startedAt) / 1000);
  }

  /** Stops everything that was started, newest first, then exits with `code`. */
  stop(code: number): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all([...this.children].map((child) => child.stop()));
      await this.mail?.stop();
      await this.postgres?.stop();
    })().then(
      () => {
        say('stopped');
        process.exit(code);
      },
      (error: unknown) => {
        console.error('[dev] error while stopping:', error);
        process.exit(code || 1);
      },
    );
    return this.stopping;
  }

  /**
   * Fills in the development defaults and validates the whole configuration before anything
   * starts. The database URL is not known yet when the embedded server is used, hence the
   * stand-in that only has to be well-formed here.
   */
  private configure(): AppConfig {
    const env = this.env;
    env.PORT = isSet(env.PORT) ? env.PORT : '3000';
    if (!isSet(env.APP_URL)) env.APP_URL = `http://localhost:${env.PORT}`;
    if (!isSet(env.ADMIN_EMAIL)) env.ADMIN_EMAIL = DEV_ADMIN.email;
    if (!isSet(env.ADMIN_PASSWORD)) env.ADMIN_PASSWORD = DEV_ADMIN.password;
    try {
      return loadConfig({ ...env, DATABASE_URL: isSet(env.DATABASE_URL) ? env.DATABASE_URL : 'postgres://127.0.0.1/embedded' });
    } catch (error) {
      if (error instanceof ConfigError) throw new LaunchError(error.message);
      throw error;
    }
  }

  private async checkRedis(url: string): Promise<void> {
    try {
      await pingRedis(url);
    } catch (error) {
      throw new LaunchError(redisHelp(url, error));
    }
  }

  private async startDatabase(): Promise<void> {
    if (isSet(this.env.DATABASE_URL)) {
      say(`using the database at ${redactPassword(this.env.DATABASE_URL)}`);
      return;
    }
    say('DATABASE_URL is unset: starting an embedded PostgreSQL (data in .data/postgres)');
    try {
      this.postgres = await startEmbeddedPostgres({
        dataDir: join(DATA_DIR, 'postgres'),
        logFile: join(DATA_DIR, 'postgres.log'),
        preferredPort: PREFERRED_PORTS.postgres,
        log: say,
      });
    } catch (error) {
      throw new LaunchError(`The embedded PostgreSQL did not start. ${error instanceof Error ? error.message : String(error)}`);
    }
    this.env.DATABASE_URL = this.postgres.url;
    void this.postgres.exited.then(() => this.onUnexpectedExit('PostgreSQL (log: .data/postgres.log)', 1));
  }

  private async startMailCatcher(): Promise<MailCatcherAddress | null> {
    if (isSet(this.env.SMTP_HOST)) return null;
    this.mail = new MailCatcher();
    const address = await this.mail.start({ smtpPort: PREFERRED_PORTS.smtp, httpPort: PREFERRED_PORTS.inbox });
    Object.assign(this.env, { SMTP_HOST: address.host, SMTP_PORT: String(address.smtpPort), SMTP_SECURE: 'false' });
    say(`SMTP_HOST is unset: mail goes to the local catcher on ${address.host}:${address.smtpPort}`);
    return address;
  }

  private spawn(name: string, script: string): NodeChild {
    if (this.stopping) throw new LaunchError(`not starting ${name}: stopping`);
    const child = startNodeProcess(name, join(ROOT, script), this.env, ROOT);
    this.children.add(child);
    void child.exited.then(() => this.children.delete(child));
    return child;
  }

  /** Runs a one-off script to completion; its failure stops the launch with its exit code. */
  private async runStep(name: string, script: string): Promise<void> {
    say(`running the ${name}`);
    const status = await this.spawn(name, script).exited;
    if (status.code !== 0) throw new LaunchError(`the ${name} failed (${describeExit(status)})`, exitCodeOf(status) || 1);
  }

  private startService(name: string, script: string): void {
    void this.spawn(name, script).exited.then((status) => this.onUnexpectedExit(`the ${name} (${describeExit(status)})`, exitCodeOf(status)));
  }

  /** A service that stops while nobody asked it to takes everything down with its exit code. */
  private onUnexpectedExit(what: string, code: number): void {
    if (this.stopping) return;
    console.error(`[dev] ${what} stopped unexpectedly; stopping everything`);
    void this.stop(code || 1);
  }

  private async waitUntilReady(config: AppConfig): Promise<boolean> {
    const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.port}/health/ready/`;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline && !this.stopping) {
      const status = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.status,
        () => null,
      );
      if (status === 200) return true;
      await sleep(250);
    }
    return false;
  }

  private printSummary(config: AppConfig, inbox: MailCatcherAddress | null, ready: boolean, seconds: number): void {
    if (this.stopping) return;
    const api = `http://localhost:${config.port}`;
    const admin = this.env.ADMIN_PASSWORD === DEV_ADMIN.password ? `${config.admin.email} / ${DEV_ADMIN.password}` : `${config.admin.email} / (ADMIN_PASSWORD)`;
    const database = this.postgres
      ? `${this.postgres.url}  (embedded; data in .data/postgres)`
      : redactPassword(this.env.DATABASE_URL ?? '');
    console.log(
      [
        '',
        ready
          ? `Online Cinema API is ready (${seconds.toFixed(1)} s)`
          : `Online Cinema API did not report ready within ${READY_TIMEOUT_MS / 1000} s: see its log above (${api}/health/ready/)`,
        `  API         ${api}/`,
        `  API docs    ${api}/docs  (HTTP Basic: ${admin})`,
        `  Queues      ${api}/admin/queues  (the same)`,
        `  Mail inbox  ${inbox ? inbox.inboxUrl : `none: mail goes to ${config.smtp.host}:${config.smtp.port}`}`,
        `  PostgreSQL  ${database}`,
        `  Redis       ${redactPassword(config.redisUrl)}  (key prefix "${config.redisPrefix}")`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  }
}

// Settings kept in .env (see .env.example) apply too; the shell's own variables win.
const envFile = join(ROOT, '.env');
if (existsSync(envFile)) {
  process.loadEnvFile(envFile);
  say('read .env');
}

const launcher = new Launcher();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping the API and the worker, then the mail catcher and PostgreSQL`);
    void launcher.stop(0);
  });
}
launcher.run().catch((error: unknown) => {
  console.error(error instanceof LaunchError ? `[dev] ${error.message}` : error);
  return launcher.stop(error instanceof LaunchError ? error.exitCode : 1);
});
