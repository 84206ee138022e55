import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxRepository } from '../../core/outbox/outbox.repository';
import { deleteInBatches } from './maintenance.repository';

/** Relayed rows are kept this long for inspection; they hold mailed secrets, so not forever. */
const RETENTION_DAYS = 7;

/** Deletes outbox rows relayed more than a week ago. */
@Injectable()
export class OutboxRetention {
  constructor(private readonly outbox: OutboxRepository) {}

  async run(manager: EntityManager): Promise<{ outbox: number }> {
    const before = new Date(Date.now() - RETENTION_DAYS * 24 * 3600 * 1000);
    return { outbox: await deleteInBatches((limit) => this.outbox.deleteRelayedBefore(manager, before, limit)) };
  }
}
