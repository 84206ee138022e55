import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '../queues/queues';
import { OutboxRepository } from './outbox.repository';

/** A message for the worker: the job to run and its payload. */
export type OutboxMessageInput = { [N in JobName]: { type: N; payload: JobPayloads[N] } }[JobName];

/**
 * The producer side of the outbox (API and worker alike). Producers never talk to Redis: a
 * message is a row written with the business change, in the caller's transaction, and the
 * worker's relay enqueues it after commit. A rolled-back transaction therefore sends nothing,
 * and a Redis outage only delays messages.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly outbox: OutboxRepository) {}

  /** Writes `message` with `manager` (the caller's transaction); returns the outbox id. */
  add(manager: EntityManager, message: OutboxMessageInput): Promise<string> {
    return this.outbox.insert(manager, message.type, message.payload);
  }
}
