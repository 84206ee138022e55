import { createLogger } from './logger';
import { PinoLoggerService } from './pino-logger.service';
import { runInRequestContext } from './request-context';

describe('PinoLoggerService', () => {
  let lines: Array<Record<string, unknown>>;
  let sut: PinoLoggerService;

  beforeEach(() => {
    lines = [];
    sut = new PinoLoggerService(createLogger({ logLevel: 'trace' }, { write: (line: string) => void lines.push(JSON.parse(line)) }));
  });

  it("writes Nest's log(message, context) as a JSON line", () => {
    sut.log('Nest application successfully started', 'NestApplication');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'Nest application successfully started', context: 'NestApplication' })]);
  });

  it('keeps the stack Nest passes to error(message, stack, context)', () => {
    sut.error('Unhandled', 'Error: x\n    at f (a.ts:1:1)', 'ExceptionsHandler');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'Unhandled', context: 'ExceptionsHandler', stack: 'Error: x\n    at f (a.ts:1:1)' }),
    ]);
  });

  it('serialises an error given as the message', () => {
    sut.warn(new Error('slow'), 'Health');
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'slow', context: 'Health', err: { message: 'slow' } });
  });

  it('maps verbose to trace and redacts objects', () => {
    sut.verbose({ password: 'p', user: 1 }, 'Accounts');
    expect(lines[0]).toMatchObject({ level: 'trace', context: 'Accounts', data: { password: '[Redacted]', user: 1 } });
  });

  it('adds the id of the request being served', () => {
    runInRequestContext('req-1', () => sut.log('inside', 'Orders'));
    sut.log('outside', 'Orders');
    expect(lines.map((line) => [line.msg, line.request_id])).toEqual([
      ['inside', 'req-1'],
      ['outside', undefined],
    ]);
  });
});
