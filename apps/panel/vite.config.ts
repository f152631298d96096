import { defineConfig } from 'vite';
import { firstPaintChunk } from './firstPaintChunk.ts';
import { zodAlias } from './zodAlias.ts';

const firstPaint = firstPaintChunk();

// The domain is pure and the protocol only builds schemas: importing them runs nothing, so what
// the panel never calls (templates, say) can be left out of its chunks.
const PURE_PACKAGE = /[\\/]packages[\\/](domain|protocol)[\\/]src[\\/]/;

export default defineConfig({
  plugins: [firstPaint.plugin],
  resolve: { alias: [zodAlias] },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => !PURE_PACKAGE.test(id) },
      output: { codeSplitting: { groups: [firstPaint.group] } },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/ws': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
