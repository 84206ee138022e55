import type { LoggerService } from '@nestjs/common';
import type { AppLogger } from './logger';
import { currentRequestId } from './request-context';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** A stack trace as Nest passes it to `error(message, stack, context)`. */
const STACK = /^.+\n\s+at .+/s;

/**
 * Nest's `LoggerService` on the process's pino logger, so that Nest's own lines (startup, route
 * mapping, uncaught errors) and every `new Logger(Context)` in our code come out as structured
 * JSON with their `context` and, inside a request, its `request_id`.
 */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest's convention: the last string parameter is the context; `error` may pass a stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    if (typeof rest[rest.length - 1] === 'string' && !STACK.test(rest[rest.length - 1] as string)) {
      fields.context = rest.pop();
    }
    const requestId = currentRequestId();
    if (requestId) fields.request_id = requestId;
    const stack = rest.find((param): param is string => typeof param === 'string' && STACK.test(param));
    if (stack) fields.stack = stack;
    const error = message instanceof Error ? message : rest.find((param): param is Error => param instanceof Error);
    if (error) fields.err = error;
    const extra = rest.filter((param) => param !== stack && param !== error);
    if (extra.length > 0) fields.details = extra;
    if (message instanceof Error) this.logger[level](fields, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, data: message });
    else this.logger[level](fields, String(message));
  }
}
