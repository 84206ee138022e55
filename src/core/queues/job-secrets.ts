import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

/**
 * Payload keys that hold a usable secret: the plain activation or reset token a mail carries to
 * its recipient. The database keeps only digests of tokens; these are the only plain copies,
 * and they are dropped as soon as they have served (see `scrubJobSecrets` and
 * `OutboxRepository.markRelayed`).
 */
export const SECRET_PAYLOAD_KEYS = ['token'] as const;

/**
 * Drops the secrets from a job's data once the job has used them for good (sent, or given up),
 * so that the completed or failed job kept in Redis for days holds none. Best effort: the work
 * is done, and a failure here is only logged.
 */
export async function scrubJobSecrets(job: Job, logger: Logger): Promise<void> {
  const data = job.data as Record<string, unknown>;
  if (!SECRET_PAYLOAD_KEYS.some((key) => key in data)) return;
  const scrubbed = Object.fromEntries(Object.entries(data).filter(([key]) => !(SECRET_PAYLOAD_KEYS as readonly string[]).includes(key)));
  await job.updateData(scrubbed).catch((error: Error) => logger.warn(`Job ${job.id}: its secret could not be dropped: ${error.message}`));
}
