import {
  createAesCodec,
  createPostgresSessionStore,
  createSqliteSessionStore,
  type SessionStore,
} from '@cercle/storage';
import type { Config } from './config.ts';

/** The configured store: PostgreSQL when DATABASE_URL says so, else the embedded SQLite file. */
export async function openStore(config: Config): Promise<SessionStore> {
  const codec = config.dataKeys.length > 0 ? { codec: createAesCodec(config.dataKeys) } : {};
  if (config.database)
    return createPostgresSessionStore({
      url: config.database.url,
      ...(config.database.schema ? { schema: config.database.schema } : {}),
      ...codec,
    });
  return createSqliteSessionStore({
    file: config.databaseFile,
    synchronous: config.sqliteSynchronous,
    ...codec,
  });
}
