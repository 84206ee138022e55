import { BadRequestException } from '@nestjs/common';

/**
 * Python's `strptime(value, '%Y-%m-%d')`, as the reference parses the admin lists' `created_at`
 * (it also takes `2025-8-1`): the UTC day `[from, to)`, or null for anything else.
 */
export function parseDay(value: string): { from: Date; to: Date } | null {
  const match = /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3].trim())];
  const from = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over into March; Python refuses it, and so do we. Year 0 does not exist.
  if (year < 1 || from.getUTCMonth() !== month - 1 || from.getUTCDate() !== day) return null;
  from.setUTCFullYear(year);
  const to = new Date(from);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from, to };
}

/** `created_at` of an admin list, or the reference's 400. */
export function dayFilter(value: string | undefined, message: string): { createdFrom?: Date; createdTo?: Date } {
  if (!value) return {};
  const day = parseDay(value);
  if (!day) throw new BadRequestException(message);
  return { createdFrom: day.from, createdTo: day.to };
}

/** A status filter matched case-insensitively against the stored names, or the reference's 400. */
export function statusFilter<S extends string>(value: string | undefined, statuses: readonly S[], message: string): S | undefined {
  if (!value) return undefined;
  const status = statuses.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!status) throw new BadRequestException(message);
  return status;
}

/** `created_at` / `-created_at` style sort keys: the column key and its direction. */
export function sortOf<K extends string>(value: string, keys: Readonly<Record<string, K>>): { key: K; direction: 'ASC' | 'DESC' } {
  const descending = value.startsWith('-');
  return { key: keys[descending ? value.slice(1) : value], direction: descending ? 'DESC' : 'ASC' };
}
