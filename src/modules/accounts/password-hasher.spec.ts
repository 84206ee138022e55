import * as argon2 from '@node-rs/argon2';
import * as bcrypt from '@node-rs/bcrypt';
import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const sut = new PasswordHasher();
  const password = 'Secret-Pa55!';

  describe('hash', () => {
    it('produces an argon2id hash with the configured cost and a fresh salt', async () => {
      const first = await sut.hash(password);
      const second = await sut.hash(password);

      expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(second).not.toBe(first);
    });
  });

  describe('verify', () => {
    it('accepts the right password and rejects a wrong one', async () => {
      const hash = await sut.hash(password);

      await expect(sut.verify(hash, password)).resolves.toBe(true);
      await expect(sut.verify(hash, 'Secret-Pa55?')).resolves.toBe(false);
    });

    it.each(['2a', '2b', '2y'] as const)('verifies imported bcrypt $%s$ hashes', async (version) => {
      const hash = await bcrypt.hash(password, { cost: 4, version });
      expect(hash.startsWith(`$${version}$04$`)).toBe(true);

      await expect(sut.verify(hash, password)).resolves.toBe(true);
      await expect(sut.verify(hash, 'wrong')).resolves.toBe(false);
    });

    it('verifies a bcrypt hash made by another implementation (OpenBSD test vector)', async () => {
      await expect(sut.verify('$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW', 'U*U')).resolves.toBe(true);
    });

    it.each([
      ['an empty string', ''],
      ['plain text', 'not-a-hash'],
      ['a truncated argon2id hash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA'],
      ['an argon2id hash with garbage parameters', '$argon2id$v=19$m=x,t=y,p=z$c2FsdHNhbHQ$aGFzaA'],
      ['a truncated bcrypt hash', '$2b$12$abc'],
      ['an unsupported scheme', '$1$salt$hash'],
    ])('returns false, never throws, for %s', async (_label, hash) => {
      await expect(sut.verify(hash, password)).resolves.toBe(false);
    });
  });

  describe('verifyAttempt', () => {
    it("checks the account's hash when an account matched", async () => {
      const hash = await sut.hash(password);

      await expect(sut.verifyAttempt(hash, password)).resolves.toBe(true);
      await expect(sut.verifyAttempt(hash, 'Secret-Pa55?')).resolves.toBe(false);
    });

    it('checks one argon2id decoy, at full cost, when none matched, and the decoy matches nothing', async () => {
      const hasher = new PasswordHasher();
      const verify = jest.spyOn(hasher, 'verify');

      await expect(hasher.verifyAttempt(null, password)).resolves.toBe(false);
      await expect(hasher.verifyAttempt(null, '')).resolves.toBe(false);

      expect(verify).toHaveBeenCalledTimes(2);
      expect(verify.mock.calls[0][0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(verify.mock.calls[1][0]).toBe(verify.mock.calls[0][0]);
    });
  });

  describe('needsRehash', () => {
    it('is false for a hash made with the current parameters', async () => {
      expect(sut.needsRehash(await sut.hash(password))).toBe(false);
    });

    it('is true for bcrypt hashes', async () => {
      expect(sut.needsRehash(await bcrypt.hash(password, { cost: 4 }))).toBe(true);
    });

    it.each([
      ['less memory', { memoryCost: 4096, timeCost: 2, parallelism: 1 }],
      ['fewer passes', { memoryCost: 19_456, timeCost: 1, parallelism: 1 }],
      ['argon2i', { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 1 satisfies argon2.Algorithm }],
    ])('is true for an argon2 hash with %s', async (_label, options) => {
      const weaker = await argon2.hash(password, options);

      expect(sut.needsRehash(weaker)).toBe(true);
      await expect(sut.verify(weaker, password)).resolves.toBe(true);
    });

    it('is false for a malformed hash', () => {
      expect(sut.needsRehash('$argon2id$garbage')).toBe(false);
      expect(sut.needsRehash('garbage')).toBe(false);
    });
  });
});
