import { SetMetadata } from '@nestjs/common';
import type { RateLimitRule } from './rate-limit.rules';

export const RATE_LIMIT_KEY = 'rate-limit:rules';

/** Applies the given limits to a route; every rule must allow the request. */
export const RateLimit = (...rules: RateLimitRule[]): MethodDecorator => SetMetadata(RATE_LIMIT_KEY, rules);
