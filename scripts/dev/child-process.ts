import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeChild {
  name: string;
  exited: Promise<ExitStatus>;
  /** SIGTERM (the services' graceful shutdown), then SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

const EXIT_WITH_PARENT = join(__dirname, 'exit-with-parent.js');

/** The shell's convention: the exit code, or 128 + the number of the signal that ended it. */
export function exitCodeOf(status: ExitStatus): number {
  if (status.code !== null) return status.code;
  return 128 + (status.signal ? constants.signals[status.signal] : 0);
}

export function describeExit(status: ExitStatus): string {
  return status.code !== null ? `exit code ${status.code}` : `signal ${status.signal}`;
}

/**
 * Runs `node <script>` from `cwd` with exactly `env`, sharing the launcher's terminal output, in
 * its own process group (see exit-with-parent.ts).
 */
export function startNodeProcess(name: string, script: string, env: NodeJS.ProcessEnv, cwd: string): NodeChild {
  const child = spawn(process.execPath, ['--require', EXIT_WITH_PARENT, script], {
    cwd,
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      console.error(`[dev] could not start ${name}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
  });
  return {
    name,
    exited,
    stop: async (timeoutMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = sleep(timeoutMs).then(() => 'timeout' as const);
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        console.error(`[dev] ${name} did not stop within ${timeoutMs / 1000} s; killing it`);
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
