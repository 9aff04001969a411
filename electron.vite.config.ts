import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The spreadsheet reader's worker is its own entry, written beside index.js, where
        // readSpreadsheetOffThread looks for it; shared code goes in chunks beside them too,
        // so that a chunk's own address finds the worker.
        input: { index: resolve('electron/main/index.ts'), 'sheet-worker': resolve('electron/formats/sheet-worker.ts') },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer is what a person waits for.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          codeSplitting: {
            // A group holds what its test names, not everything that imports.
            includeDependenciesRecursively: false,
            groups: [
              // One chunk per language (its common file and its domain files): the window
              // fetches the language it shows, not all three (renderer/src/app/catalogues.ts).
              { debugName: 'translations', priority: 3, name: (id) => /shared\/i18n\/(fr|en|it)(?:\.json|\/)/.exec(id)?.[1]?.replace(/^/, 'i18n-') ?? null },
              // A few chunks rather than one per shared module: each request costs more than its bytes.
              // The entry (main.tsx and what it imports from app/) stays out of them: it only starts
              // the fetches, and must not wait for React DOM or the contract's schemas to be evaluated.
              { name: 'react', priority: 2, test: /node_modules\/react\// },
              { name: 'react-dom', priority: 2, test: /node_modules\/(react-dom|scheduler)\// },
              { name: 'libraries', priority: 1, test: /node_modules\/(?!react\/)/ },
              // Stylesheets stay with the module that imports them (ui/kit.css with the entry, right after styles.css).
              { name: 'kit', test: /^(?!.*\.css$).*(\/renderer\/src\/(ui|api|app\/(?!routes|sections|chunkedScreen|catalogues))|\/shared\/(?!i18n\/))/ },
            ],
          },
        },
      },
    },
  },
});
