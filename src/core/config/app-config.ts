/**
 * The one place where the process environment is read. `loadConfig()` turns the variables of
 * CONTRACT.md D into a typed, validated `AppConfig`; a missing or malformed variable throws a
 * `ConfigError` that names it, and with `NODE_ENV=production` development secrets and unsafe
 * defaults are refused.
 */

export type NodeEnv = 'development' | 'test' | 'production';

export interface SmtpConfig {
  /** `null` when unset: the development launcher then starts a local mail catcher. */
  host: string | null;
  port: number;
  user: string | null;
  password: string | null;
  /** `true`: implicit TLS (port 465). `false`: STARTTLS is used when the server offers it. */
  secure: boolean;
  from: string;
}

export interface S3Config {
  endpoint: string | null;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
  /**
   * `S3_PUBLIC_URL`: the base URL under which the bucket's objects can be read without
   * credentials (a public bucket or a CDN in front of it). `null`: clients get presigned URLs.
   */
  publicUrl: string | null;
  /** `S3_URL_TTL`: how long a presigned URL stays valid, in seconds (at most 7 days, S3's limit). */
  urlTtl: number;
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  /** Prefix of every Redis key and BullMQ queue of this deployment (tests use one each). */
  redisPrefix: string;
  appUrl: string;
  logLevel: string;
  /**
   * Trust `X-Forwarded-*` headers (client IP, scheme and host of pagination links) because a
   * reverse proxy in front of the API sets them.
   */
  trustProxy: boolean;
  docsPublic: boolean;
  rateLimitEnabled: boolean;
  jwt: {
    accessSecret: string;
    refreshSecret: string;
    /** Lifetimes in seconds. */
    accessTtl: number;
    refreshTtl: number;
    refreshTokenRotation: boolean;
  };
  smtp: SmtpConfig;
  stripe: {
    secretKey: string | null;
    webhookSecret: string;
    apiUrl: string | null;
  };
  /** `null` when the S3_* variables are unset: avatars are kept on local disk. */
  s3: S3Config | null;
  storageDir: string;
  admin: { email: string | null; password: string | null };
  orderTtlMinutes: number;
  /**
   * `CATALOG_CACHE_TTL`: how long a movie list page's ids and count stay in Redis, in seconds
   * (0: no cache). A page is served only while the catalog is unchanged since it was computed,
   * so this bounds Redis memory, not staleness.
   */
  catalogCacheTtl: number;
  worker: {
    /** Concurrency of the mail queue's processor. */
    mailConcurrency: number;
    /** How often the outbox relay looks for unsent rows, in milliseconds. */
    outboxPollMs: number;
    /**
     * When set, every scheduled task ticks at this period (seconds) instead of its own, so tests
     * can watch several time slots go by; `null` in production.
     */
    tasksTickSeconds: number | null;
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Values that are fine on a laptop and refused in production. */
export const DEVELOPMENT_SECRETS = {
  jwtAccess: 'dev-access-secret-change-me-0123456789abcdef',
  jwtRefresh: 'dev-refresh-secret-change-me-0123456789abcdef',
  stripeWebhook: 'whsec_dev_local_simulator_secret',
} as const;

type Env = Record<string, string | undefined>;

class Reader {
  readonly errors: string[] = [];

  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string;
  string(name: string, fallback: null): string | null;
  string(name: string, fallback: string | null): string | null {
    return this.raw(name) ?? fallback;
  }

  required(name: string, hint: string): string {
    const value = this.raw(name);
    if (value === undefined) {
      this.errors.push(`${name} is required (${hint})`);
      return '';
    }
    return value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.errors.push(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
      return fallback;
    }
    return Number(value);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.errors.push(`${name} must be true or false, got "${value}"`);
    return fallback;
  }

  url(name: string, fallback: string | null, protocols: string[]): string | null {
    const value = this.raw(name) ?? fallback;
    if (value === null) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.errors.push(`${name} must be a ${protocols.join(' or ')} URL, got "${redact(value)}"`);
      }
    } catch {
      this.errors.push(`${name} must be a URL, got "${redact(value)}"`);
    }
    return value;
  }

  /** Seconds, from `30s`, `60m`, `12h`, `7d` or a plain number; `0` only with `allowZero`. */
  duration(name: string, fallback: string, options: { allowZero?: boolean } = {}): number {
    const value = this.raw(name) ?? fallback;
    const match = /^(\d+)\s*([smhd]?)$/.exec(value);
    if (!match || (Number(match[1]) <= 0 && !(options.allowZero && Number(match[1]) === 0))) {
      const zero = options.allowZero ? ' (0 turns it off)' : '';
      this.errors.push(`${name} must be a duration like 60m, 7d, 12h, 30s or a number of seconds${zero}, got "${value}"`);
      return 60;
    }
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
    return Number(match[1]) * unit;
  }
}

/** Hides the password of a URL before it is put into an error message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new Reader(env);
  const nodeEnvRaw = read.string('NODE_ENV', 'development');
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    read.errors.push(`NODE_ENV must be development, test or production, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as NodeEnv;
  const isProduction = nodeEnv === 'production';

  const databaseUrl = read.required(
    'DATABASE_URL',
    'a PostgreSQL URL such as postgres://user:password@127.0.0.1:5432/cinema; `npm start` sets it for you',
  );
  if (databaseUrl) read.url('DATABASE_URL', null, ['postgres:', 'postgresql:']);

  const s3Endpoint = read.url('S3_ENDPOINT', null, ['http:', 'https:']);
  const s3Bucket = read.raw('S3_BUCKET');
  let s3: S3Config | null = null;
  if (s3Endpoint || s3Bucket) {
    s3 = {
      endpoint: s3Endpoint,
      bucket: read.required('S3_BUCKET', 'the bucket that holds avatars when S3 storage is used'),
      accessKey: read.required('S3_ACCESS_KEY', 'needed when S3_BUCKET or S3_ENDPOINT is set'),
      secretKey: read.required('S3_SECRET_KEY', 'needed when S3_BUCKET or S3_ENDPOINT is set'),
      region: read.string('S3_REGION', 'us-east-1'),
      publicUrl: read.url('S3_PUBLIC_URL', null, ['http:', 'https:'])?.replace(/\/+$/, '') ?? null,
      urlTtl: read.duration('S3_URL_TTL', '1h'),
    };
    if (s3.urlTtl > 7 * 86400) read.errors.push(`S3_URL_TTL must be at most 7d (S3's limit for presigned URLs)`);
  }

  const config: AppConfig = {
    nodeEnv,
    isProduction,
    port: read.int('PORT', 3000, 0, 65535),
    host: read.string('HOST', isProduction ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    databasePoolSize: read.int('DATABASE_POOL_SIZE', 10, 1, 500),
    redisUrl: read.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']) as string,
    redisPrefix: read.string('REDIS_PREFIX', 'cinema'),
    appUrl: (read.url('APP_URL', 'http://localhost:3000', ['http:', 'https:']) as string).replace(/\/+$/, ''),
    logLevel: read.string('LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: read.bool('TRUST_PROXY', false),
    docsPublic: read.bool('DOCS_PUBLIC', false),
    rateLimitEnabled: read.bool('RATE_LIMIT_ENABLED', true),
    jwt: {
      accessSecret: read.string('JWT_ACCESS_SECRET', DEVELOPMENT_SECRETS.jwtAccess),
      refreshSecret: read.string('JWT_REFRESH_SECRET', DEVELOPMENT_SECRETS.jwtRefresh),
      accessTtl: read.duration('JWT_ACCESS_TTL', '60m'),
      refreshTtl: read.duration('JWT_REFRESH_TTL', '7d'),
      refreshTokenRotation: read.bool('REFRESH_TOKEN_ROTATION', false),
    },
    smtp: {
      host: read.string('SMTP_HOST', null),
      port: read.int('SMTP_PORT', 1025, 1, 65535),
      user: read.string('SMTP_USER', null),
      password: read.string('SMTP_PASSWORD', null),
      secure: read.bool('SMTP_SECURE', false),
      from: read.string('MAIL_FROM', 'Online Cinema <no-reply@online-cinema.local>'),
    },
    stripe: {
      secretKey: read.string('STRIPE_SECRET_KEY', null),
      webhookSecret: read.string('STRIPE_WEBHOOK_SECRET', DEVELOPMENT_SECRETS.stripeWebhook),
      apiUrl: read.url('STRIPE_API_URL', null, ['http:', 'https:']),
    },
    s3,
    storageDir: read.string('STORAGE_DIR', 'storage'),
    admin: { email: read.string('ADMIN_EMAIL', null), password: read.string('ADMIN_PASSWORD', null) },
    orderTtlMinutes: read.int('ORDER_TTL_MINUTES', 60, 1, 60 * 24 * 30),
    catalogCacheTtl: read.duration('CATALOG_CACHE_TTL', '10m', { allowZero: true }),
    worker: {
      mailConcurrency: read.int('MAIL_CONCURRENCY', 4, 1, 100),
      outboxPollMs: read.int('OUTBOX_POLL_MS', 1000, 50, 60_000),
      tasksTickSeconds: read.raw('TASKS_TICK_SECONDS') === undefined ? null : read.int('TASKS_TICK_SECONDS', 60, 1, 3600),
    },
  };

  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    read.errors.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${config.logLevel}"`);
  }
  if (config.jwt.accessSecret === config.jwt.refreshSecret) {
    read.errors.push('JWT_ACCESS_SECRET and JWT_REFRESH_SECRET must differ');
  }
  if (isProduction) refuseUnsafeProductionValues(config, read);

  if (read.errors.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${read.errors.join('\n  - ')}`);
  }
  return config;
}

function refuseUnsafeProductionValues(config: AppConfig, read: Reader): void {
  const { jwt, stripe } = config;
  for (const [name, value, dev] of [
    ['JWT_ACCESS_SECRET', jwt.accessSecret, DEVELOPMENT_SECRETS.jwtAccess],
    ['JWT_REFRESH_SECRET', jwt.refreshSecret, DEVELOPMENT_SECRETS.jwtRefresh],
  ] as const) {
    if (value === dev) read.errors.push(`${name} must be set in production (the development default is refused)`);
    else if (value.length < 32) read.errors.push(`${name} must be at least 32 characters in production`);
  }
  if (!stripe.secretKey) {
    read.errors.push('STRIPE_SECRET_KEY is required in production (the local payment simulator is refused)');
  }
  if (stripe.webhookSecret === DEVELOPMENT_SECRETS.stripeWebhook) {
    read.errors.push('STRIPE_WEBHOOK_SECRET must be set in production (the development default is refused)');
  }
  if (config.docsPublic) read.errors.push('DOCS_PUBLIC=true is refused in production');
  if (!config.smtp.host) read.errors.push('SMTP_HOST is required in production (no local mail catcher there)');
  if (!config.rateLimitEnabled) read.errors.push('RATE_LIMIT_ENABLED=false is refused in production');
  if (config.admin.password !== null && config.admin.password.length < 12) {
    read.errors.push('ADMIN_PASSWORD must be at least 12 characters in production');
  }
}
