// Electron build (electron-vite): main process, sandboxed preload, renderer.
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'electron-vite';
import webRendererConfig from './vite.config.js';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Runtime deps (better-sqlite3, socket.io, socket.io-client, zod) stay in node_modules:
      // native code and socket.io's optional deps don't bundle.
      externalizeDeps: true,
      rolldownOptions: {
        // The export worker and the store's writer thread are more entries: worker threads load
        // out/main/export-worker.js and out/main/store-writer.js (export-jobs.ts and
        // store/writer-thread.ts look for them beside the main bundle).
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'export-worker': resolve(root, 'electron/core/report/export-worker.ts'),
          'store-writer': resolve(root, 'electron/core/store/writer-worker.ts'),
          // The two big sheets of an XLSX export, built side by side (formats/xlsx-sheet-job.ts).
          'xlsx-sheet-worker': resolve(root, 'electron/core/report/formats/xlsx-sheet-worker.ts'),
        },
        // Code both entries share goes to a chunk beside them (not chunks/), so the worker file is
        // a sibling of whichever file export-jobs.ts ends up in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only `electron` (and a few Node polyfills): bundle
      // everything else (zod, via shared/api/contract.ts) into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS; `.cjs` because package.json says "type": "module".
        // electron/main/lifecycle.ts loads out/preload/index.cjs.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // The same renderer build as `vite build` (plugins, dev CSP), written where Electron loads it.
  renderer: mergeConfig(webRendererConfig, {
    root: resolve(root, 'renderer'),
    base: './',
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
      },
    },
  }),
});
