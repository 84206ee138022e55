import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import { USER_GROUP_IDS, UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { PasswordHasher } from '../../src/modules/accounts/password-hasher';
import type { TestApp } from './app';

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

/** Inserts a user straight into the test database (active USER unless told otherwise). */
export async function insertUser(
  t: TestApp,
  options: { email?: string; password?: string; group?: UserGroupName; isActive?: boolean } = {},
): Promise<TestUser> {
  const email = options.email ?? `user-${randomBytes(4).toString('hex')}@example.com`;
  const password = options.password ?? 'Str0ng!Passw0rd';
  const hash = await t.app.get(PasswordHasher).hash(password);
  const rows: Array<{ id: number }> = await t.app
    .get(DataSource)
    .query('INSERT INTO users (email, _hashed_password, is_active, group_id) VALUES ($1, $2, $3, $4) RETURNING id', [
      email,
      hash,
      options.isActive ?? true,
      USER_GROUP_IDS[options.group ?? UserGroupName.User],
    ]);
  return { id: rows[0].id, email, password };
}

/** A fresh access token for the user, as login would issue it. */
export function accessTokenFor(t: TestApp, userId: number): string {
  return t.app.get(AccessTokenService).sign(userId).token;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export function basic(email: string, password: string): { authorization: string } {
  return { authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` };
}
