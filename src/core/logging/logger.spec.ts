import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger, serializeError } from './logger';

describe('serializeError', () => {
  it('keeps the SQL of a failed query and drops its bind parameters', () => {
    const driverError = Object.assign(new Error('duplicate key value'), { parameters: ['$argon2id$secret-hash'] });
    const error = new QueryFailedError('INSERT INTO users (email, _hashed_password) VALUES ($1, $2)', ['a@example.com', '$argon2id$secret-hash'], driverError);

    const serialized = serializeError(error);

    expect(serialized.query).toBe('INSERT INTO users (email, _hashed_password) VALUES ($1, $2)');
    expect(serialized.parameters).toBe('[Redacted]');
    expect(JSON.stringify(serialized)).not.toContain('secret-hash');
  });

  it('is the serializer of the process logger', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger({ logLevel: 'info' }, sink);
    logger.error({ err: new QueryFailedError('SELECT $1', ['$argon2id$leak'], new Error('boom')) }, 'failed');
    expect(lines.join('')).toContain('SELECT $1');
    expect(lines.join('')).not.toContain('$argon2id$leak');
  });
});
