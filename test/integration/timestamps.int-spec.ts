import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestDatabase } from '../utils/database';

/**
 * `users.created_at` keeps the reference's `timestamp without time zone`; it must still be read
 * and written as the right instant when the process runs in a time zone other than UTC.
 */
describe('timestamps without time zone', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('reads and writes users.created_at as UTC in a non-UTC process', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'test/fixtures/timestamp-roundtrip.ts', database.url],
      { env: { ...process.env, TZ: 'America/New_York', SWC_NODE_PROJECT: 'tsconfig.json' } },
    );
    const seen = JSON.parse(stdout) as { offsetMinutes: number; defaulted: number; stored: string; read: string };
    expect(seen.offsetMinutes).toBe(300); // the child really ran at UTC-5
    expect(Math.abs(seen.defaulted)).toBeLessThan(5000);
    expect(seen.stored).toBe('2026-06-01 12:00:00');
    expect(seen.read).toBe('2026-06-01T12:00:00.000Z');
  });
});
