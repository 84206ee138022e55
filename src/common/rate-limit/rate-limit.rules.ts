/**
 * The limits of CONTRACT.md C.8, in one place. A rule counts requests per key in a fixed window;
 * `by` says what identifies the caller: the client address; the account named by the e-mail in
 * the request body (`accountSubject`), so that one account cannot be brute-forced from many
 * addresses either; or the authenticated user, on routes behind `@Auth()`.
 */
export interface RateLimitRule {
  /** Part of the Redis key; unique per rule. */
  name: string;
  limit: number;
  windowSeconds: number;
  by: 'ip' | 'body-email' | 'user';
}

export const RATE_LIMITS = {
  loginPerIp: { name: 'login-ip', limit: 30, windowSeconds: 60, by: 'ip' },
  loginPerAccount: { name: 'login-account', limit: 10, windowSeconds: 15 * 60, by: 'body-email' },
  registerPerIp: { name: 'register-ip', limit: 10, windowSeconds: 60 * 60, by: 'ip' },
  resendPerIp: { name: 'resend-ip', limit: 10, windowSeconds: 60 * 60, by: 'ip' },
  resendPerAccount: { name: 'resend-account', limit: 3, windowSeconds: 60 * 60, by: 'body-email' },
  resetPerIp: { name: 'reset-ip', limit: 10, windowSeconds: 60 * 60, by: 'ip' },
  resetPerAccount: { name: 'reset-account', limit: 3, windowSeconds: 60 * 60, by: 'body-email' },
  resetCompletePerIp: { name: 'reset-complete-ip', limit: 20, windowSeconds: 60 * 60, by: 'ip' },
  refreshPerIp: { name: 'refresh-ip', limit: 60, windowSeconds: 60, by: 'ip' },
  changePasswordPerUser: { name: 'change-password-user', limit: 10, windowSeconds: 15 * 60, by: 'user' },
  // Comments and comment likes e-mail other people (CONTRACT.md C.4): bounded per author.
  commentsPerUser: { name: 'comments-user', limit: 20, windowSeconds: 10 * 60, by: 'user' },
  commentLikesPerUser: { name: 'comment-likes-user', limit: 120, windowSeconds: 10 * 60, by: 'user' },
} as const satisfies Record<string, RateLimitRule>;

export const RATE_LIMIT_MESSAGE = 'Too many requests. Please try again later.';
