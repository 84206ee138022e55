import { ConfigError, DEVELOPMENT_SECRETS, loadConfig } from './app-config';

const BASE = { DATABASE_URL: 'postgres://cinema@db:5432/cinema' };

/** A production environment that passes every check; tests break one thing at a time. */
const PRODUCTION = {
  ...BASE,
  NODE_ENV: 'production',
  JWT_ACCESS_SECRET: 'a'.repeat(40),
  JWT_REFRESH_SECRET: 'b'.repeat(40),
  STRIPE_SECRET_KEY: 'sk_live_x',
  STRIPE_WEBHOOK_SECRET: 'whsec_real',
  SMTP_HOST: 'smtp.example.com',
};

/** The message of the ConfigError that `env` raises. */
function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('gives the documented defaults for a development machine', () => {
    const config = loadConfig(BASE);

    expect(config).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      port: 3000,
      host: '127.0.0.1',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'cinema',
      appUrl: 'http://localhost:3000',
      rateLimitEnabled: true,
      catalogCacheTtl: 600,
      orderTtlMinutes: 60,
      s3: null,
    });
    expect(config.jwt).toMatchObject({ accessSecret: DEVELOPMENT_SECRETS.jwtAccess, accessTtl: 3600, refreshTtl: 7 * 86400 });
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    const config = loadConfig({ ...BASE, JWT_ACCESS_TTL: '90s', JWT_REFRESH_TTL: '2d', CATALOG_CACHE_TTL: '45', S3_BUCKET: 'b', S3_ACCESS_KEY: 'k', S3_SECRET_KEY: 's', S3_URL_TTL: '12h' });

    expect([config.jwt.accessTtl, config.jwt.refreshTtl, config.catalogCacheTtl, config.s3?.urlTtl]).toEqual([90, 172_800, 45, 43_200]);
  });

  it('turns the catalog page cache off with CATALOG_CACHE_TTL=0, and refuses 0 where it makes no sense', () => {
    expect(loadConfig({ ...BASE, CATALOG_CACHE_TTL: '0' }).catalogCacheTtl).toBe(0);
    expect(problems({ ...BASE, JWT_ACCESS_TTL: '0' })).toContain('JWT_ACCESS_TTL must be a duration like 60m');
    expect(problems({ ...BASE, CATALOG_CACHE_TTL: '-5' })).toContain('CATALOG_CACHE_TTL must be a duration like 60m, 7d, 12h, 30s or a number of seconds (0 turns it off), got "-5"');
    expect(problems({ ...BASE, CATALOG_CACHE_TTL: 'ten minutes' })).toContain('got "ten minutes"');
  });

  it('names every bad variable at once', () => {
    const message = problems({ DATABASE_URL: 'mysql://x', PORT: '70000', REDIS_URL: 'http://redis', RATE_LIMIT_ENABLED: 'maybe', LOG_LEVEL: 'loud' });

    expect(message).toContain('DATABASE_URL must be a postgres: or postgresql: URL, got "mysql://x"');
    expect(message).toContain('PORT must be an integer from 0 to 65535, got "70000"');
    expect(message).toContain('REDIS_URL must be a redis: or rediss: URL');
    expect(message).toContain('RATE_LIMIT_ENABLED must be true or false, got "maybe"');
    expect(message).toContain('LOG_LEVEL must be one of');
  });

  it('requires DATABASE_URL, and hides the password of a bad URL', () => {
    expect(problems({})).toContain('DATABASE_URL is required');
    expect(problems({ DATABASE_URL: 'ftp://user:hunter2@host/db' })).toContain('"ftp://user:***@host/db"');
  });

  it('accepts a complete production environment', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ isProduction: true, host: '0.0.0.0' });
  });

  it.each([
    ['the development JWT secret', { JWT_ACCESS_SECRET: DEVELOPMENT_SECRETS.jwtAccess }, 'JWT_ACCESS_SECRET must be set in production'],
    ['a short JWT secret', { JWT_REFRESH_SECRET: 'short' }, 'JWT_REFRESH_SECRET must be at least 32 characters'],
    ['the payment simulator', { STRIPE_SECRET_KEY: '' }, 'STRIPE_SECRET_KEY is required in production'],
    ['the development webhook secret', { STRIPE_WEBHOOK_SECRET: DEVELOPMENT_SECRETS.stripeWebhook }, 'STRIPE_WEBHOOK_SECRET must be set in production'],
    ['public API docs', { DOCS_PUBLIC: 'true' }, 'DOCS_PUBLIC=true is refused in production'],
    ['no SMTP server', { SMTP_HOST: '' }, 'SMTP_HOST is required in production'],
    ['rate limits off', { RATE_LIMIT_ENABLED: 'false' }, 'RATE_LIMIT_ENABLED=false is refused in production'],
    ['a short admin password', { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 12 characters'],
  ])('refuses %s in production', (_label, change, message) => {
    expect(problems({ ...PRODUCTION, ...change })).toContain(message);
  });

  it('refuses equal access and refresh secrets', () => {
    expect(problems({ ...BASE, JWT_ACCESS_SECRET: 'same-secret', JWT_REFRESH_SECRET: 'same-secret' })).toContain('must differ');
  });
});
