import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppConfig } from '../config/app-config';
import { REDACTED, redactSecrets } from './redact';

export type AppLogger = Logger;

/**
 * pino's error serializer, minus the bind parameters that TypeORM's `QueryFailedError` (and the
 * driver error inside it) carries: they may hold password hashes, token digests or e-mails. The
 * SQL text itself stays, it is the useful part.
 */
export function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.errWithCause(error) as unknown as Record<string, unknown>;
  for (const holder of [serialized, serialized.driverError]) {
    if (typeof holder === 'object' && holder !== null && 'parameters' in holder) {
      (holder as Record<string, unknown>).parameters = REDACTED;
    }
  }
  return serialized;
}

/**
 * The process's one pino logger: JSON lines on stdout at `LOG_LEVEL`, ISO timestamps, level
 * names, errors with their causes, credentials redacted at any depth. Fastify logs through it
 * (one line per request, with the request id) and so does Nest (`PinoLoggerService`).
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level: config.logLevel,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSecrets(object),
      },
      serializers: { err: serializeError },
    },
    destination,
  );
}
