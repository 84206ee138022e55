import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The webhook events already processed. */
@Injectable()
export class PaymentEventsRepository {
  /**
   * Records the event in the caller's transaction; false if it was already recorded. A concurrent
   * delivery of the same event waits here until the first one's transaction ends, then finds the
   * id taken (or, if that one rolled back, records it itself).
   */
  async record(tx: EntityManager, eventId: string, type: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO payment_events (event_id, type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, type],
    );
    return rows.length === 1;
  }
}
