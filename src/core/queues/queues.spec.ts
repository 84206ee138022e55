import { outboxJobId } from '../outbox/outbox-relay';
import { assertJobId, isJobName, JobName } from './queues';

describe('job ids', () => {
  it.each(['outbox-12-1714566645123', 'cleanup-expired-tokens-20240501T120500Z'])('accepts %s', (id) => {
    expect(assertJobId(id)).toBe(id);
  });

  it.each(['42', 'a:b'])('refuses %s (an integer or a key separator)', (id) => {
    expect(() => assertJobId(id)).toThrow(/must not contain ':' or be an integer/);
  });

  it('derives an outbox row job id from its id and creation time only', () => {
    const row = { id: '12', createdAt: new Date('2024-05-01T12:30:45.123Z') };
    expect(outboxJobId(row)).toBe('outbox-12-1714566645123');
    expect(outboxJobId({ ...row })).toBe(outboxJobId(row));
  });

  it('knows its job names', () => {
    expect(isJobName(JobName.SendMail)).toBe(true);
    expect(isJobName('toString')).toBe(false);
    expect(isJobName('send-sms')).toBe(false);
  });
});
