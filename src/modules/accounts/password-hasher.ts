import { Injectable } from '@nestjs/common';
import * as argon2 from '@node-rs/argon2';
import * as bcrypt from '@node-rs/bcrypt';
import { randomBytes } from 'node:crypto';

/**
 * argon2id at OWASP's minimum cost (19 MiB, t=2, p=1): about 24 ms per verify on this
 * hardware. `Algorithm` is a `const enum` the package does not export at runtime, so the
 * value is written as a literal (2 = Argon2id) that the compiler checks against the enum.
 */
const ARGON2_OPTIONS = {
  algorithm: 2 satisfies argon2.Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const ARGON2_PATTERN = /^\$argon2(?:id|i|d)\$/;
const BCRYPT_PATTERN = /^\$2[aby]\$/;

/**
 * Hashes and checks user passwords. New hashes are argon2id; bcrypt hashes of users imported
 * from the reference service (`$2a$`, `$2b$`, `$2y$`) still verify and report `needsRehash`,
 * so the login flow can upgrade them (CONTRACT.md B33). Both libraries do the work on libuv
 * threads, off the event loop. A malformed stored hash never throws: it simply does not match.
 */
@Injectable()
export class PasswordHasher {
  /** A hash of a random password, made on first need: what an attempt on no account checks. */
  private decoyHash: Promise<string> | null = null;

  hash(plain: string): Promise<string> {
    return argon2.hash(plain, ARGON2_OPTIONS);
  }

  async verify(hash: string, plain: string): Promise<boolean> {
    try {
      if (ARGON2_PATTERN.test(hash)) return await argon2.verify(hash, plain);
      if (BCRYPT_PATTERN.test(hash)) return await bcrypt.verify(plain, hash);
      return false;
    } catch {
      return false;
    }
  }

  /**
   * Checks a sign-in attempt against the account's hash, or, when no account matched (`null`),
   * against a decoy that never matches: an unknown e-mail then costs as long as a wrong
   * password, so the time of the answer does not tell whether the account exists.
   */
  async verifyAttempt(hash: string | null, plain: string): Promise<boolean> {
    this.decoyHash ??= this.hash(randomBytes(16).toString('hex'));
    return this.verify(hash ?? (await this.decoyHash), plain);
  }

  /**
   * True when a hash that just verified should be replaced by a fresh argon2id hash: bcrypt,
   * another argon2 variant, or argon2id with weaker parameters. False for a malformed hash.
   */
  needsRehash(hash: string): boolean {
    if (BCRYPT_PATTERN.test(hash)) return true;
    if (!ARGON2_PATTERN.test(hash)) return false;
    try {
      const params = argon2.parseOptions(hash);
      return (
        params.algorithm !== ARGON2_OPTIONS.algorithm ||
        params.memoryCost < ARGON2_OPTIONS.memoryCost ||
        params.timeCost < ARGON2_OPTIONS.timeCost ||
        params.parallelism < ARGON2_OPTIONS.parallelism
      );
    } catch {
      return false;
    }
  }
}
