import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPanel } from './panelBuild.ts';

/** `pnpm build`: builds the panel, stamped so that `pnpm start` knows it is current. */
await buildPanel(join(dirname(fileURLToPath(import.meta.url)), '..'));
