import { JobName, type MaintenanceJobName } from '../../core/queues/queues';

export interface ScheduledTask {
  job: MaintenanceJobName;
  /** The time slot: one job per slot across all worker replicas. */
  everySeconds: number;
}

/** What the worker runs on a schedule. A new periodic job is one more line here. */
export const SCHEDULED_TASKS: readonly ScheduledTask[] = [
  // The reference's beat entry `delete-expired-tokens-every-minute` (its section 9.2).
  { job: JobName.CleanupExpiredTokens, everySeconds: 60 },
  { job: JobName.PurgeRelayedOutbox, everySeconds: 3600 },
  { job: JobName.ExpireUnpaidOrders, everySeconds: 60 },
  { job: JobName.RetryPendingRefunds, everySeconds: 60 },
];

/**
 * The cron expression (with seconds) that fires at the start of every slot of `seconds`. Slots
 * are aligned to the Unix epoch, so they must divide a minute, an hour or a day evenly.
 */
export function cronFor(seconds: number): string {
  const minutes = seconds / 60;
  const hours = seconds / 3600;
  if (Number.isInteger(seconds) && seconds > 0 && seconds < 60 && 60 % seconds === 0) return `*/${seconds} * * * * *`;
  if (Number.isInteger(minutes) && minutes < 60 && 60 % minutes === 0) return `0 */${minutes} * * * *`;
  if (Number.isInteger(hours) && hours <= 24 && 24 % hours === 0) return `0 0 */${hours} * * *`;
  throw new Error(`A task period must divide a minute, an hour or a day evenly, got ${seconds} s`);
}

/**
 * The slot a tick belongs to: cron never fires before its time, so a tick that runs late (a busy
 * event loop) still names the slot it was scheduled for, as long as it is less than a period late.
 */
export function slotStart(now: Date, seconds: number): Date {
  const period = seconds * 1000;
  return new Date(Math.floor(now.getTime() / period) * period);
}

/** `cleanup-expired-tokens-20240501T120500Z`: the same on every replica for the same slot. */
export function tickJobId(job: MaintenanceJobName, slot: Date): string {
  return `${job}-${slot.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`;
}
