import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE for a unique-constraint or unique-index violation. */
const UNIQUE_VIOLATION = '23505';

/**
 * True when `error` is a unique violation, of one of `constraints` (constraint or unique-index
 * names) when given: how a service turns a lost race (two requests inserting the same row) into
 * its 409 instead of a 500.
 */
export function isUniqueViolation(error: unknown, constraints?: readonly string[]): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  if (driverError.code !== UNIQUE_VIOLATION) return false;
  return !constraints || (driverError.constraint !== undefined && constraints.includes(driverError.constraint));
}

/** PostgreSQL's SQLSTATE for a row that refers to a missing one (a foreign-key violation). */
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * True when `error` is a foreign-key violation: a row inserted for a parent that a concurrent
 * request deleted, which a service answers with its 404.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === FOREIGN_KEY_VIOLATION;
}
