import type { JobsOptions } from 'bullmq';

/**
 * The one place for queue names, job names and job payloads. A job name says which queue it
 * goes to (`JOB_QUEUE`), so producers name only the job.
 */

export enum QueueName {
  Mail = 'mail',
  Maintenance = 'maintenance',
  Accounts = 'accounts',
}

export enum JobName {
  SendMail = 'send-mail',
  CleanupExpiredTokens = 'cleanup-expired-tokens',
  PurgeRelayedOutbox = 'purge-relayed-outbox',
  IssuePasswordReset = 'issue-password-reset',
  ExpireUnpaidOrders = 'expire-unpaid-orders',
  RetryPendingRefunds = 'retry-pending-refunds',
}

export interface PaymentSuccessItem {
  name: string;
  /** Money as the database gives it, e.g. `"9.99"`. */
  price: string;
}

/** One e-mail to send: which template and its variables (the worker renders it). */
export type MailJob =
  | { template: 'activation'; to: string; token: string }
  | { template: 'activation-confirmation'; to: string }
  | { template: 'password-reset-request'; to: string; token: string }
  | { template: 'password-reset-completion'; to: string }
  | {
      template: 'payment-success';
      to: string;
      orderId: number;
      /** Money as the database gives it, e.g. `"19.98"`. */
      amount: string;
      /** ISO-8601 timestamp of the payment. */
      date: string;
      paymentId: number;
      items: PaymentSuccessItem[];
    }
  | {
      template: 'payment-refund';
      to: string;
      orderId: number;
      /** Money as the database gives it, e.g. `"19.98"`. */
      amount: string;
      /** ISO-8601 timestamp of the refund. */
      date: string;
      refundId: number;
    }
  | {
      template: 'comment-reply';
      to: string;
      /** The replier's display name (never an e-mail address). */
      actorName: string;
      movieName: string;
      /** The recipient's comment and the reply, as written. */
      commentText: string;
      replyText: string;
    }
  | {
      template: 'comment-like';
      to: string;
      /** The liker's display name (never an e-mail address). */
      actorName: string;
      movieName: string;
      commentText: string;
    };

export type MailTemplate = MailJob['template'];

/** Scheduled maintenance jobs carry no data: they work on whatever is due when they run. */
export type MaintenanceJob = Record<string, never>;

/**
 * A password-reset request as the API received it: the worker looks the address up and, for an
 * active account, stores `token` (as its digest) and mails it to the stored address. The API
 * writes this whether or not the account exists, so its answer takes the same time either way.
 */
export interface PasswordResetRequestJob {
  email: string;
  token: string;
}

export interface JobPayloads {
  [JobName.SendMail]: MailJob;
  [JobName.CleanupExpiredTokens]: MaintenanceJob;
  [JobName.PurgeRelayedOutbox]: MaintenanceJob;
  [JobName.IssuePasswordReset]: PasswordResetRequestJob;
  [JobName.ExpireUnpaidOrders]: MaintenanceJob;
  [JobName.RetryPendingRefunds]: MaintenanceJob;
}

export const JOB_QUEUE = {
  [JobName.SendMail]: QueueName.Mail,
  [JobName.CleanupExpiredTokens]: QueueName.Maintenance,
  [JobName.PurgeRelayedOutbox]: QueueName.Maintenance,
  [JobName.IssuePasswordReset]: QueueName.Accounts,
  [JobName.ExpireUnpaidOrders]: QueueName.Maintenance,
  [JobName.RetryPendingRefunds]: QueueName.Maintenance,
} as const satisfies Readonly<Record<JobName, QueueName>>;

export type MaintenanceJobName = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends QueueName.Maintenance ? N : never;
}[JobName];

const DAY_SECONDS = 24 * 3600;

/**
 * Completed jobs are kept for a day: a late duplicate (another replica's tick for the same slot,
 * a relay that re-adds after a crash) finds the id taken and collapses into the existing job.
 */
export const QUEUE_JOB_OPTIONS: Readonly<Record<QueueName, JobsOptions>> = {
  // About 4 minutes of retries (2 s, 4 s, ... 128 s) ride out an SMTP server's restart.
  [QueueName.Mail]: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  },
  // No retries: the next time slot runs the same work again.
  [QueueName.Maintenance]: {
    attempts: 1,
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  },
  // Database work only: a few quick retries ride out a failover.
  [QueueName.Accounts]: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  },
};

export function isJobName(value: string): value is JobName {
  return Object.hasOwn(JOB_QUEUE, value);
}

/**
 * BullMQ refuses ids with `:` (its key separator) and treats integer-looking ids specially, so
 * every deterministic id goes through here.
 */
export function assertJobId(jobId: string): string {
  if (jobId.includes(':') || /^\d+$/.test(jobId)) {
    throw new Error(`Invalid BullMQ job id "${jobId}": it must not contain ':' or be an integer`);
  }
  return jobId;
}
