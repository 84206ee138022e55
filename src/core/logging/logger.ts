import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppConfig } from '../config/app-config';
import { redactSecrets } from './redact';

export type AppLogger = Logger;

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
      serializers: { err: pino.stdSerializers.errWithCause },
    },
    destination,
  );
}
