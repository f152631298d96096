import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PANEL_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/panel/dist');

export function assertPanelBuilt(): void {
  if (!existsSync(join(PANEL_DIST, 'index.html')))
    throw new Error('The panel is not built: run `pnpm build` (the README test command does).');
}
