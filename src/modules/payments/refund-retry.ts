import { Injectable } from '@nestjs/common';
import { RefundsRepository } from './refunds.repository';
import { RefundService } from './refund.service';

/** A pending refund untouched this long had its gateway call lost (crash, timeout). */
const STALE_SECONDS = 120;
const BATCH_SIZE = 50;

/**
 * Worker only: asks the gateway again, with the same idempotency keys, about refunds whose
 * answer never came back; the gateway answers what it did the first time, or does it now.
 */
@Injectable()
export class RefundRetry {
  constructor(
    private readonly refunds: RefundsRepository,
    private readonly refundService: RefundService,
  ) {}

  async run(): Promise<{ refunds: number; settled: number }> {
    const ids = await this.refunds.stalePending(STALE_SECONDS, BATCH_SIZE);
    let settled = 0;
    for (const id of ids) {
      const outcome = await this.refundService.execute(id);
      if (outcome.kind === 'succeeded' || outcome.kind === 'failed') settled += 1;
    }
    return { refunds: ids.length, settled };
  }
}
