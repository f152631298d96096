import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from './config.ts';

// Usage: pnpm backup <file>. SQLite's online backup: consistent while the server keeps writing.
const target = process.argv[2];
if (!target) {
  console.error('Usage: pnpm backup <backup-file.sqlite>');
  process.exit(2);
}
const config = loadConfig();
if (config.database) {
  console.error(
    'DATABASE_URL is set: this deployment stores its sessions in PostgreSQL. Back it up with pg_dump (see docs/DEPLOYMENT.md).',
  );
  process.exit(2);
}
const database = new Database(config.databaseFile, { readonly: true, fileMustExist: true });
try {
  await database.backup(resolve(target), {
    progress: ({ totalPages, remainingPages }) => {
      process.stderr.write(`\rbackup: ${totalPages - remainingPages}/${totalPages} pages`);
      return 200;
    },
  });
  process.stderr.write(`\nbackup written to ${resolve(target)}\n`);
} finally {
  database.close();
}
