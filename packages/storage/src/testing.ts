// What tests of other packages need from the store: a seeded session, a PostgreSQL of their own.
export {
  createTestSchema,
  postgresAbsence,
  postgresReachable,
  TEST_DATABASE_URL,
  type TestSchema,
} from './postgres/testDatabase.ts';
export { seedSession } from './seedSession.ts';
