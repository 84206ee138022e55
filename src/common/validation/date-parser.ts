export type DateParse =
  | { ok: true; date: string }
  | { ok: false; type: 'date_parsing' | 'date_from_datetime_parsing'; error: string }
  | { ok: false; type: 'date_from_datetime_inexact' };

class SyntaxFailure extends Error {}

const MESSAGES = {
  tooShort: 'input is too short',
  year: 'invalid character in year',
  dateSep: 'invalid date separator, expected `-`',
  month: 'invalid character in month',
  day: 'invalid character in day',
  monthRange: 'month value is outside expected range of 1-12',
  dayRange: 'day value is outside expected range',
  dateTimeSep: 'invalid datetime separator, expected `T`, `t`, `_` or space',
  hour: 'invalid character in hour',
  hourRange: 'hour value is outside expected range of 0-23',
  timeSep: 'invalid time separator, expected `:`',
  minute: 'invalid character in minute',
  minuteRange: 'minute value is outside expected range of 0-59',
  second: 'invalid character in second',
  secondRange: 'second value is outside expected range of 0-59',
  fractionMissing: 'second fraction digits missing after `.`',
  tzSign: 'invalid timezone sign',
  tzHour: 'invalid timezone hour',
  tzMinute: 'invalid timezone minute',
  tzRange: 'timezone offset must be less than 24 hours',
  extra: 'unexpected extra characters at the end of the input',
} as const;

const TIMESTAMP = /^-?\d+(?:\.\d*)?$/;
/** speedate reads larger numbers as milliseconds. */
const MAX_SECONDS_TIMESTAMP = 20_000_000_000;
const DAY_MS = 86_400_000;

/**
 * Parses a date the way pydantic does in lax mode (speedate underneath): `YYYY-MM-DD`; or a
 * datetime (`2020-01-01T00:00:00Z`, ...) or a Unix timestamp, either of which must fall exactly
 * on midnight (`date_from_datetime_inexact` otherwise). Failures carry speedate's wording.
 */
export function parseDate(input: string | number): DateParse {
  if (typeof input === 'number') return fromTimestamp(input);
  try {
    const { year, month, day } = readDate(input);
    if (input.length === 10) {
      if (year === 0) return { ok: false, type: 'date_parsing', error: 'year 0 is out of range' };
      return { ok: true, date: input };
    }
    return readTime(input.slice(10)) ? { ok: true, date: isoDate(year, month, day) } : { ok: false, type: 'date_from_datetime_inexact' };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    if (TIMESTAMP.test(input)) return fromTimestamp(Number(input));
    return { ok: false, type: 'date_from_datetime_parsing', error: error.message };
  }
}

function fromTimestamp(value: number): DateParse {
  const ms = Math.abs(value) > MAX_SECONDS_TIMESTAMP ? value : value * 1000;
  if (!Number.isFinite(ms) || ms % DAY_MS !== 0) return { ok: false, type: 'date_from_datetime_inexact' };
  return { ok: true, date: new Date(ms).toISOString().slice(0, 10) };
}

function readDate(text: string): { year: number; month: number; day: number } {
  if (text.length < 10) throw new SyntaxFailure(MESSAGES.tooShort);
  const year = digits(text, 0, 4, MESSAGES.year);
  if (text[4] !== '-') throw new SyntaxFailure(MESSAGES.dateSep);
  const month = digits(text, 5, 2, MESSAGES.month);
  if (text[7] !== '-') throw new SyntaxFailure(MESSAGES.dateSep);
  const day = digits(text, 8, 2, MESSAGES.day);
  if (month < 1 || month > 12) throw new SyntaxFailure(MESSAGES.monthRange);
  if (day < 1 || day > daysInMonth(year, month)) throw new SyntaxFailure(MESSAGES.dayRange);
  return { year, month, day };
}

/** Reads `<sep>HH:MM[:SS[.ffffff]][Z|±HH[:]MM]`; `true` when the time is exactly midnight. */
function readTime(rest: string): boolean {
  if (!['T', 't', ' ', '_'].includes(rest[0])) throw new SyntaxFailure(MESSAGES.dateTimeSep);
  const time = rest.slice(1);
  if (time.length < 5) throw new SyntaxFailure(MESSAGES.tooShort);
  const hour = digits(time, 0, 2, MESSAGES.hour);
  if (hour > 23) throw new SyntaxFailure(MESSAGES.hourRange);
  if (time[2] !== ':') throw new SyntaxFailure(MESSAGES.timeSep);
  const minute = digits(time, 3, 2, MESSAGES.minute);
  if (minute > 59) throw new SyntaxFailure(MESSAGES.minuteRange);
  let position = 5;
  let second = 0;
  let fraction = '';
  if (time[position] === ':') {
    second = digits(time, 6, 2, MESSAGES.second);
    if (second > 59) throw new SyntaxFailure(MESSAGES.secondRange);
    position = 8;
    if (time[position] === '.' || time[position] === ',') {
      fraction = /^\d*/.exec(time.slice(position + 1))?.[0] ?? '';
      if (!fraction) throw new SyntaxFailure(MESSAGES.fractionMissing);
      position += 1 + fraction.length;
    }
  }
  position = readOffset(time, position);
  if (position < time.length) throw new SyntaxFailure(MESSAGES.extra);
  return hour === 0 && minute === 0 && second === 0 && !/[1-9]/.test(fraction.slice(0, 6));
}

function readOffset(time: string, position: number): number {
  const sign = time[position];
  if (sign === undefined) return position;
  if (sign === 'Z' || sign === 'z') return position + 1;
  if (sign !== '+' && sign !== '-') throw new SyntaxFailure(MESSAGES.tzSign);
  const hours = digits(time, position + 1, 2, MESSAGES.tzHour);
  let next = position + 3;
  if (time[next] === ':') next += 1;
  digits(time, next, 2, MESSAGES.tzMinute);
  if (hours >= 24) throw new SyntaxFailure(MESSAGES.tzRange);
  return next + 2;
}

function digits(text: string, start: number, count: number, message: string): number {
  const part = text.slice(start, start + count);
  if (part.length !== count || !/^\d+$/.test(part)) throw new SyntaxFailure(message);
  return Number(part);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
