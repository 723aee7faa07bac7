import { createHash } from 'node:crypto';
import { basename, relative, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json';

// Three bundles: the Electron main process (plus the headless `serve` entry and the `hookscope`
// command line, which share the engine but never import electron), the sandboxed preload
// (CommonJS, as sandboxed preloads must be) and the renderer, which the control API serves over
// http in both modes.
export default defineConfig({
  main: {
    define: { __HOOKSCOPE_VERSION__: JSON.stringify(pkg.version) },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          // README's scheme table, written by `npm run scheme-table` (scripts/scheme-table.mjs).
          'scheme-table': resolve(__dirname, 'src/main/engine/signatures/scheme-table.ts'),
          // README's route tables, from GET /api/openapi.json: `npm run api-table` (scripts/api-table.mjs).
          'api-table': resolve(__dirname, 'src/main/engine/control/api-table.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    css: { modules: { generateScopedName: scopedName } },
    build: {
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
      chunkSizeWarningLimit: 8000,
    },
  },
});

/**
 * A CSS Module's class as `File_local_hash` (CaptureRow.module.css's `.row` becomes
 * `CaptureRow_row_x7Kq2`): readable in the DOM inspector, unique thanks to a hash of the file's
 * path within the project (stable across machines) and the class.
 */
function scopedName(local: string, filename: string): string {
  const file = basename(filename.split('?')[0]!).replace(/\.module\.css$/, '');
  const hash = createHash('sha256')
    .update(`${relative(__dirname, filename).split('\\').join('/')}:${local}`)
    .digest('base64url')
    .slice(0, 5);
  return `${file}_${local}_${hash}`;
}
