import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePanelBuild } from './panelBuild.ts';
import { ensureServerBuild } from './serverBuild.ts';

/**
 * The first half of `pnpm start`: builds the panel and compiles the server, each only when its
 * inputs changed. The second half runs the compiled server with plain Node, no loader in between.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
await ensurePanelBuild(ROOT);
await ensureServerBuild(ROOT);
