import { REDACTED, redactSecrets, redactUrl } from './redact';

describe('redactSecrets', () => {
  it('hides credential-like keys at any depth and leaves the rest', () => {
    const error = new Error('boom');
    const input = {
      req: { headers: { authorization: 'Bearer x', Cookie: 'sid=1', host: 'h' } },
      body: { email: 'a@b.c', password: 'p', new_password: 'q', tokens: [{ refresh_token: 'r', kind: 'refresh' }] },
      stripe: { webhookSecret: 's', api_key: 'k' },
      err: error,
    };
    expect(redactSecrets(input)).toEqual({
      req: { headers: { authorization: REDACTED, Cookie: REDACTED, host: 'h' } },
      body: { email: 'a@b.c', password: REDACTED, new_password: REDACTED, tokens: REDACTED },
      stripe: { webhookSecret: REDACTED, api_key: REDACTED },
      err: error,
    });
    expect(input.body.password).toBe('p');
  });

  it('copes with cycles', () => {
    const input: Record<string, unknown> = { name: 'x' };
    input.self = input;
    expect(() => redactSecrets(input)).not.toThrow();
  });
});

describe('redactUrl', () => {
  it('hides the values of credential-like query parameters', () => {
    expect(redactUrl('/accounts/activate/?email=a%40b.c&token=abc&page=2')).toBe(`/accounts/activate/?email=a%40b.c&token=${REDACTED}&page=2`);
    expect(redactUrl('/movies/?sort=-year')).toBe('/movies/?sort=-year');
    expect(redactUrl('/movies/')).toBe('/movies/');
  });
});
