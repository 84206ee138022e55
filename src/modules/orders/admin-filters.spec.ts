import { BadRequestException } from '@nestjs/common';
import { dayFilter, parseDay, sortOf, statusFilter } from './admin-filters';

describe('admin list filters', () => {
  it.each([
    ['2025-08-01', '2025-08-01T00:00:00.000Z', '2025-08-02T00:00:00.000Z'],
    ['2025-8-1', '2025-08-01T00:00:00.000Z', '2025-08-02T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['2025-12-31', '2025-12-31T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['0099-01-01', '0099-01-01T00:00:00.000Z', '0099-01-02T00:00:00.000Z'],
  ])('reads %s as Python strptime does', (value, from, to) => {
    const day = parseDay(value);
    expect(day && { from: day.from.toISOString(), to: day.to.toISOString() }).toEqual({ from, to });
  });

  it.each(['2025-02-30', '2025-13-01', '2025-08-01T00:00', '25-08-01', '2025/08/01', '', '0000-01-01', '2025-08-00', ' 2025-08-01'])(
    'refuses %p',
    (value) => {
      expect(parseDay(value)).toBeNull();
    },
  );

  it('answers the given 400 message for a bad date and ignores an absent one', () => {
    expect(() => dayFilter('yesterday', 'Bad date')).toThrow(new BadRequestException('Bad date'));
    expect(dayFilter(undefined, 'Bad date')).toEqual({});
  });

  it('matches statuses case-insensitively', () => {
    expect(statusFilter('Paid', ['PENDING', 'PAID'], 'Bad status')).toBe('PAID');
    expect(statusFilter(undefined, ['PENDING', 'PAID'], 'Bad status')).toBeUndefined();
    expect(() => statusFilter('shipped', ['PENDING', 'PAID'], 'Bad status')).toThrow(new BadRequestException('Bad status'));
  });

  it('reads a sort key and its direction', () => {
    const keys = { created_at: 'createdAt', id: 'id' } as const;
    expect(sortOf('-created_at', keys)).toEqual({ key: 'createdAt', direction: 'DESC' });
    expect(sortOf('id', keys)).toEqual({ key: 'id', direction: 'ASC' });
  });
});
