import { AUTH_MESSAGES } from './auth.messages';
import { extractBearerToken, splitAuthorizationHeader } from './authorization-header';

describe('extractBearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER abc', 'abc'],
    ['Bearer abc def', 'abc def'],
  ])('takes the token of %j', (header, token) => {
    expect(extractBearerToken(header)).toBe(token);
  });

  it.each([undefined, ''])('refuses a missing header (%p)', (header) => {
    expect(() => extractBearerToken(header)).toThrow(AUTH_MESSAGES.headerMissing);
  });

  it.each(['Bearer', 'Bearer ', 'Basic abc', 'Token abc', 'Bearerabc'])('refuses the malformed header %j', (header) => {
    expect(() => extractBearerToken(header)).toThrow(AUTH_MESSAGES.headerFormat);
  });
});

describe('splitAuthorizationHeader', () => {
  it('splits at the first space only', () => {
    expect(splitAuthorizationHeader('Basic a b')).toEqual({ scheme: 'Basic', credentials: 'a b' });
    expect(splitAuthorizationHeader('Basic')).toEqual({ scheme: 'Basic', credentials: '' });
  });
});
