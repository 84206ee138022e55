import { JobName } from '../../core/queues/queues';
import { cronFor, slotStart, tickJobId } from './schedule';

describe('schedule', () => {
  it.each([
    [1, '*/1 * * * * *'],
    [15, '*/15 * * * * *'],
    [60, '0 */1 * * * *'],
    [300, '0 */5 * * * *'],
    [3600, '0 0 */1 * * *'],
    [86400, '0 0 */24 * * *'],
  ])('fires every %i s with %s', (seconds, cron) => {
    expect(cronFor(seconds)).toBe(cron);
  });

  it.each([0, 7, 90, 7200 + 60, 5 * 3600])('refuses a period of %i s that does not divide a minute, an hour or a day', (seconds) => {
    expect(() => cronFor(seconds)).toThrow(/must divide/);
  });

  it('names the slot a tick was scheduled for, even when its timer fires late', () => {
    const slot = new Date('2024-05-01T12:05:00.000Z');
    expect(slotStart(slot, 60)).toEqual(slot);
    expect(slotStart(new Date('2024-05-01T12:05:00.300Z'), 60)).toEqual(slot);
    expect(slotStart(new Date('2024-05-01T12:05:59.999Z'), 60)).toEqual(slot);
    expect(slotStart(new Date('2024-05-01T12:05:01.500Z'), 1)).toEqual(new Date('2024-05-01T12:05:01.000Z'));
  });

  it('gives every replica the same BullMQ-safe job id for a slot', () => {
    const id = tickJobId(JobName.CleanupExpiredTokens, new Date('2024-05-01T12:05:00.000Z'));
    expect(id).toBe('cleanup-expired-tokens-20240501T120500Z');
    expect(id).not.toContain(':');
  });
});
