/**
 * The limits of CONTRACT.md C.8, in one place. A rule counts requests per key in a fixed window;
 * `by` says what identifies the caller: the client address, or the e-mail in the request body
 * (normalised), so that one account cannot be brute-forced from many addresses either.
 */
export interface RateLimitRule {
  /** Part of the Redis key; unique per rule. */
  name: string;
  limit: number;
  windowSeconds: number;
  by: 'ip' | 'body-email';
}

export const RATE_LIMITS = {
  loginPerIp: { name: 'login-ip', limit: 30, windowSeconds: 60, by: 'ip' },
  loginPerAccount: { name: 'login-account', limit: 10, windowSeconds: 15 * 60, by: 'body-email' },
  registerPerIp: { name: 'register-ip', limit: 10, windowSeconds: 60 * 60, by: 'ip' },
  resendPerIp: { name: 'resend-ip', limit: 10, windowSeconds: 60 * 60, by: 'ip' },
  resendPerAccount: { name: 'resend-account', limit: 3, windowSeconds: 60 * 60, by: 'body-email' },
  resetPerIp: { name: 'reset-ip', limit: 10, windowSeconds: 60 * 60, by: 'ip' },
  resetPerAccount: { name: 'reset-account', limit: 3, windowSeconds: 60 * 60, by: 'body-email' },
  refreshPerIp: { name: 'refresh-ip', limit: 60, windowSeconds: 60, by: 'ip' },
} as const satisfies Record<string, RateLimitRule>;

export const RATE_LIMIT_MESSAGE = 'Too many requests. Please try again later.';
