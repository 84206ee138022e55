import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../../src/modules/accounts/password-hasher';
import { SeedService } from '../../src/seed/seed.service';
import { createSeedContext, type SeedContext } from '../utils/seed';

const ADMIN = { email: 'Root.Admin@Example.COM', password: 'Adm1n-Passw0rd!' };

describe('SeedService', () => {
  let context: SeedContext;
  let sut: SeedService;
  let dataSource: DataSource;

  /** Everything the seed may touch, to prove a second run changes nothing. */
  const snapshot = async () => ({
    groups: await dataSource.query(`SELECT id, name FROM user_groups ORDER BY id`),
    groupSequence: await dataSource.query(`SELECT last_value, is_called FROM user_groups_id_seq`),
    users: await dataSource.query(`SELECT id, email, _hashed_password, is_active, group_id, created_at, updated_at FROM users ORDER BY id`),
    carts: await dataSource.query(`SELECT id, user_id FROM carts ORDER BY id`),
  });

  beforeAll(async () => {
    context = await createSeedContext();
    sut = context.app.get(SeedService);
    dataSource = context.dataSource;
  });

  afterAll(() => context?.close());

  beforeEach(async () => {
    await dataSource.query(`TRUNCATE users CASCADE`);
  });

  it('creates an active admin with a cart, and a second run changes nothing', async () => {
    await sut.ensureGroups();
    await expect(sut.ensureAdmin(ADMIN)).resolves.toBe('created');
    const afterFirstRun = await snapshot();

    await sut.ensureGroups();
    await expect(sut.ensureAdmin(ADMIN)).resolves.toBe('exists');

    expect(await snapshot()).toEqual(afterFirstRun);
    const [admin] = afterFirstRun.users;
    expect(admin).toMatchObject({ email: 'Root.Admin@example.com', is_active: true, group_id: 1 });
    expect(afterFirstRun.carts).toEqual([{ id: expect.any(Number), user_id: admin.id }]);
    await expect(new PasswordHasher().verify(admin._hashed_password, ADMIN.password)).resolves.toBe(true);
  });

  it('leaves an existing account with the admin e-mail (in any case) as it is', async () => {
    await dataSource.query(`INSERT INTO users (email, _hashed_password, group_id) VALUES ('root.admin@example.com', 'kept', 2)`);
    const before = await snapshot();

    await expect(sut.ensureAdmin(ADMIN)).resolves.toBe('exists');

    expect(await snapshot()).toEqual(before);
  });

  it('creates exactly one admin when two seeds run at once', async () => {
    const outcomes = await Promise.all([sut.ensureAdmin(ADMIN), sut.ensureAdmin(ADMIN)]);

    expect(outcomes.sort()).toEqual(['created', 'exists']);
    expect(await dataSource.query(`SELECT count(*)::int AS users FROM users`)).toEqual([{ users: 1 }]);
    expect(await dataSource.query(`SELECT count(*)::int AS carts FROM carts`)).toEqual([{ carts: 1 }]);
  });

  it('creates no admin without both ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    await expect(sut.ensureAdmin({ email: ADMIN.email, password: null })).resolves.toBe('not-configured');
    await expect(sut.ensureAdmin({ email: null, password: ADMIN.password })).resolves.toBe('not-configured');

    expect(await dataSource.query(`SELECT id FROM users`)).toEqual([]);
  });

  it('refuses an invalid ADMIN_EMAIL', async () => {
    await expect(sut.ensureAdmin({ email: 'not-an-address', password: ADMIN.password })).rejects.toThrow(
      'ADMIN_EMAIL is not a valid e-mail address: An email address must have an @-sign.',
    );
  });

  it('restores missing groups under their fixed ids and moves the sequence past them', async () => {
    await dataSource.query(`DELETE FROM user_groups`);
    await dataSource.query(`SELECT setval('user_groups_id_seq', 1, false)`);

    await sut.ensureGroups();

    expect(await dataSource.query(`SELECT id, name FROM user_groups ORDER BY id`)).toEqual([
      { id: 1, name: 'ADMIN' },
      { id: 2, name: 'USER' },
      { id: 3, name: 'MODERATOR' },
    ]);
    expect(await dataSource.query(`SELECT nextval('user_groups_id_seq')::int AS next`)).toEqual([{ next: 4 }]);
  });

  it('refuses to go on when a group sits under another id', async () => {
    await dataSource.query(`DELETE FROM user_groups WHERE id = 3`);
    await dataSource.query(`INSERT INTO user_groups (id, name) VALUES (7, 'MODERATOR')`);

    await expect(sut.ensureGroups()).rejects.toThrow('user_groups holds MODERATOR under id 7; it must be 3.');
  });
});
