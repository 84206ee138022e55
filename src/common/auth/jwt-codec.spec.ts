import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AUTH_MESSAGES } from './auth.messages';
import { JwtCodec } from './jwt-codec';

describe('JwtCodec', () => {
  const secret = 'access-secret-for-unit-tests-0123456789';
  const sut = new JwtCodec('access', secret, 3600);
  const raw = new JwtService({ secret });
  const now = () => Math.floor(Date.now() / 1000);

  const rejection = (token: string): string => {
    try {
      sut.verify(token);
    } catch (error) {
      expect(error).toBeInstanceOf(UnauthorizedException);
      return (error as UnauthorizedException).message;
    }
    throw new Error('verify accepted the token');
  };

  it('signs the reference claims plus type, iat and jti, with HS256, and verifies them back', () => {
    const { token, claims } = sut.sign(42);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));

    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ user_id: 42, type: 'access', jti: claims.jti, iat: claims.issuedAt, exp: claims.expiresAt });
    expect(claims.expiresAt).toBe(Math.floor(claims.issuedAt) + 3600);
    expect(sut.verify(token)).toEqual(claims);
  });

  it('mints different tokens for the same user in the same second', () => {
    expect(sut.sign(42).token).not.toBe(sut.sign(42).token);
  });

  it('honours a shorter lifetime', () => {
    const { claims } = sut.sign(42, 900);
    expect(claims.expiresAt).toBe(Math.floor(claims.issuedAt) + 900);
  });

  it('reports an expired token as expired', () => {
    expect(rejection(sut.sign(42, -1).token)).toBe(AUTH_MESSAGES.tokenExpired);
  });

  it('refuses the other type of token, even under the same secret', () => {
    expect(rejection(new JwtCodec('refresh', secret, 60).sign(42).token)).toBe(AUTH_MESSAGES.tokenInvalid);
  });

  it.each([
    ['another secret', () => new JwtCodec('access', 'another-secret-0123456789abcdef', 60).sign(42).token],
    ['another algorithm', () => raw.sign({ user_id: 42, type: 'access', jti: 'j', iat: now() }, { algorithm: 'HS512', expiresIn: 60 })],
    ['no expiry', () => raw.sign({ user_id: 42, type: 'access', jti: 'j', iat: now() })],
    ['no jti', () => raw.sign({ user_id: 42, type: 'access', iat: now() }, { expiresIn: 60 })],
    ['a tampered payload', () => {
      const [header, , signature] = sut.sign(42).token.split('.');
      const payload = Buffer.from(JSON.stringify({ user_id: 1, type: 'access', jti: 'j', iat: now(), exp: now() + 60 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }],
    ['no signature (alg none)', () => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT' })}.${part({ user_id: 42, type: 'access', jti: 'j', iat: now(), exp: now() + 60 })}.`;
    }],
    ['garbage', () => 'not.a.jwt'],
  ])('refuses a token with %s as invalid', (_case, make) => {
    expect(rejection(make())).toBe(AUTH_MESSAGES.tokenInvalid);
  });

  it.each([undefined, 0, -3, '42', 1.5])('refuses a genuine token whose user_id is %p as an invalid payload', (userId) => {
    const token = raw.sign({ user_id: userId, type: 'access', jti: 'j', iat: now() }, { expiresIn: 60 });
    expect(rejection(token)).toBe(AUTH_MESSAGES.tokenPayloadInvalid);
  });
});
