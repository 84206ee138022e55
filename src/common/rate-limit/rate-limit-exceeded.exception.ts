import { HttpException, HttpStatus } from '@nestjs/common';
import { RATE_LIMIT_MESSAGE } from './rate-limit.rules';

/** 429 with the limit's message; whoever answers it sends `Retry-After: retryAfterSeconds`. */
export class RateLimitExceededException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(RATE_LIMIT_MESSAGE, HttpStatus.TOO_MANY_REQUESTS);
  }
}
