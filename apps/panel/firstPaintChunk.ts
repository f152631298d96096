import type { Plugin } from 'vite';

// Workspace packages are entered through barrels that re-export everything: walking them would
// drag in what only lazy pages use (the session templates, say). Their modules follow the panel's
// own modules into the chunk through the bindings actually used, which the bundler tracks.
const WORKSPACE_PACKAGE = /[\\/]packages[\\/]/;

/**
 * One chunk for everything the first paint needs. Left alone, the bundler cuts what the entry and
 * a lazy page share into a dozen tiny chunks, each one more request and a fresh gzip dictionary;
 * together they weigh several KB more. Lazy pages then import from this chunk.
 */
export function firstPaintChunk(): {
  plugin: Plugin;
  group: { name: string; test: (id: string) => boolean };
} {
  const modules = new Set<string>();
  const plugin: Plugin = {
    name: 'cercle:first-paint-chunk',
    apply: 'build',
    // The whole module graph is known here, before chunks are cut: walk the static imports.
    buildEnd() {
      const stack = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      while (stack.length > 0) {
        const id = stack.pop() as string;
        if (modules.has(id) || WORKSPACE_PACKAGE.test(id)) continue;
        modules.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, group: { name: 'panel', test: (id) => modules.has(id) } };
}
