import { dropDatabase, dropStaleTestDatabases } from '../utils/database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.CINEMA_TEST_TEMPLATE;
  if (template) await dropDatabase(template);
  delete process.env.CINEMA_TEST_TEMPLATE;
  await dropStaleTestDatabases();
}
