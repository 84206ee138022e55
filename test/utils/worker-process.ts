import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output: () => string;
  /** Sends `signal` and resolves once the process has exited. */
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `src/worker.ts` as a real child process (compiled on the fly by @swc-node/register) with
 * `env` on top of this process's environment; resolves once it reports that it started.
 */
export function spawnWorker(env: Record<string, string>, startTimeoutMs = 60_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );

  const worker: WorkerProcess = {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM', timeoutMs = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  return new Promise((ready, fail) => {
    const deadline = setTimeout(() => {
      void worker.stop('SIGKILL');
      fail(new Error(`Worker did not start within ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const poll = setInterval(() => {
      if (output.includes('Worker started')) {
        clearInterval(poll);
        clearTimeout(deadline);
        ready(worker);
      }
    }, 50);
    void exited.then(({ code, signal }) => {
      clearInterval(poll);
      clearTimeout(deadline);
      fail(new Error(`Worker exited (code ${code}, signal ${signal}) before it started:\n${output}`));
    });
  });
}
