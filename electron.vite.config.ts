import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { WORKER_ENTRIES } from './electron/tools/bundle';
import { FIRST_SCREEN_DOMAINS } from './renderer/src/app/firstScreen';
import { DEFAULT_LANGUAGE } from './shared/i18n/languages';
import { METHOD_NEEDS } from './shared/method-needs';

/**
 * Replaces a module of the renderer by the value it computes, worked out here at build time:
 * the same value, without evaluating (or shipping) what it was computed from.
 */
function evaluatedAtBuild(file: string, value: Record<string, unknown>): Plugin {
  const module = `${Object.entries(value).map(([name, content]) => `export const ${name} = ${JSON.stringify(content)};`).join('\n')}\n`;
  return { name: 'evaluated-at-build', enforce: 'pre', load: (id) => (id.split('?')[0] === file ? module : null) };
}

/**
 * `<link rel="modulepreload">` in the page for the chunks of these modules and every chunk they
 * import, and for the chunks of these names, and `<link rel="preload">` for their stylesheets:
 * the browser fetches and compiles them beside the entry, where it found them only once the entry
 * was evaluated and asked for them (the frame's 200 KB about 50 ms later).
 */
function preloadChunksOf(modules: readonly string[], names: readonly string[]): Plugin {
  return {
    name: 'preload-first-screen',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = new Map(Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output as OutputChunk] as const] : [])));
        const wanted = new Set<string>();
        const add = (fileName: string) => {
          if (wanted.has(fileName)) return;
          wanted.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) add(imported);
        };
        for (const chunk of chunks.values()) if ((chunk.facadeModuleId && modules.includes(chunk.facadeModuleId)) || names.includes(chunk.name)) add(chunk.fileName);
        const tags = [...wanted]
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' as const }));
        // Their stylesheets too, fetched but not applied: the import of a chunk waits for its
        // stylesheets, which the page asked for only once the entry was evaluated (in a trace on a
        // loaded machine, 20-40 ms after the chunks' own requests). Vite still adds each one, in
        // the same order as before, when its chunk is imported; it is then in the memory cache.
        const styles = [...new Set([...wanted].flatMap((fileName) => [...(chunks.get(fileName)?.viteMetadata?.importedCss ?? [])]))]
          .filter((fileName) => !html.includes(`/${fileName}"`))
          .map((fileName) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' as const }));
        return { html, tags: [...tags, ...styles] };
      },
    },
  };
}

/** What forms need and the first screen does not: the schemas' library and the form library. */
const FORM_LIBRARIES = /node_modules\/(zod|react-hook-form|@hookform)\//;
/** The renderer's own modules and the contract (not the libraries, nor Vite's helpers, which the entry needs too). */
const OWN_MODULES = /^[^\0]*\/(renderer\/src|shared)\//;
/** The frame's own modules and the contract, which the `kit` chunk gathers (its test below). */
const KIT_MODULES = /\/renderer\/src\/(ui|api|app\/(?!routes|sections|chunkedScreen|catalogues))|\/shared\/(?!i18n\/)/;
/**
 * What the entry (main.tsx) evaluates to make the first screen's calls: the client and the
 * candidate list's first page. In the entry rather than in `kit`, whose evaluation waits for
 * React DOM and the libraries. Measured in Chromium on a loaded machine, from the entry's
 * request: the list's first page left after 100 ms, where it left after 530 ms (the session's
 * status after 290 ms), once the frame had rendered. The date formatters' cache too: the entry
 * makes the list's while the window waits (main.tsx).
 */
const ENTRY_MODULES = /\/renderer\/src\/(api\/(client|early)|ui\/listPages|candidates\/listInput|app\/(firstScreen|catalogues|routes))\.ts$|\/shared\/(transport|errors|domain|dateFormat|i18n\/languages)\.ts$/;

/**
 * A catalogue file's chunk: per language, the common file and the first screen's domains
 * (`i18n-fr`), then the rest (`i18n-fr-more`), fetched after the first paint.
 */
function translationChunk(id: string): string | null {
  const file = /shared\/i18n\/(fr|en|it)(?:\.json|\/([a-z]+)\.json)$/.exec(id);
  if (!file) return null;
  const [, language = '', domain] = file;
  return translationChunkName(language, domain === undefined || FIRST_SCREEN_DOMAINS.some((first) => first === domain));
}

const translationChunkName = (language: string, firstScreen: boolean) => (firstScreen ? `i18n-${language}` : `i18n-${language}-more`);

/**
 * Whether a module needs the form libraries, itself or through what it imports: such a module
 * stays out of `kit` (which the first screen loads), in the chunks of the screens that use it.
 */
function needsFormLibraries(id: string, info: (id: string) => { importedIds: readonly string[] } | null, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(id);
  if (known !== undefined) return known;
  seen.set(id, false);
  const needs = FORM_LIBRARIES.test(id) || (info(id)?.importedIds ?? []).some((imported) => needsFormLibraries(imported, info, seen));
  seen.set(id, needs);
  return needs;
}

/** One answer per module for the whole build. */
const formNeeds = new Map<string, boolean>();

/** The frame and the candidate list, whatever the address: the other sections' chunks are small. */
const FIRST_SCREEN_ROOTS = [resolve('renderer/src/start.tsx'), resolve('renderer/src/candidates/CandidatesSection.tsx')];

/** Whether one of FIRST_SCREEN_ROOTS imports a module (statically, through others or not). */
function firstScreenImports(id: string, info: (id: string) => { importers: readonly string[] } | null, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(id);
  if (known !== undefined) return known;
  seen.set(id, false);
  const imported = (info(id)?.importers ?? []).some((importer) => FIRST_SCREEN_ROOTS.includes(importer) || firstScreenImports(importer, info, seen));
  seen.set(id, imported);
  return imported;
}

/** One answer per module for the whole build. */
const firstScreenNeeds = new Map<string, boolean>();

/**
 * V8's explicit compile hint (`//# allFunctionsCalledOnLoad`, Chromium 136 and later; Electron
 * 45 has 140) at the top of the chunks the first screen runs: V8 compiles all their functions with
 * the script, and the code cache the window keeps of a chunk then holds them. Without it, each
 * function was compiled when first called, at every start: 888 lazy compilations, 130 ms of the
 * main thread in a trace of the candidate list's load, most of them React's and the frame's.
 */
const compileHint = (chunk: { name: string; moduleIds: readonly string[] }) =>
  ['react', 'react-dom', 'libraries', 'kit'].includes(chunk.name) || chunk.moduleIds.some((id) => FIRST_SCREEN_ROOTS.includes(id)) ? '//# allFunctionsCalledOnLoad' : '';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The workers (the spreadsheet reader's, the backup's, the export's events reader) are entries of their own, written
        // beside index.js, where workerEntry looks for them; shared code goes in chunks beside
        // them too, so that a chunk's own address finds the workers. They ship in out/ like it.
        input: {
          index: resolve('electron/main/index.ts'),
          ...Object.fromEntries(Object.entries(WORKER_ENTRIES).map(([name, entry]) => [name, resolve(entry)])),
        },
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
    plugins: [
      react(),
      evaluatedAtBuild(resolve('shared/method-needs.ts'), { METHOD_NEEDS }),
      // The frame and the candidate list. And the first screen's French strings, which every window starts with (French is the
      // fallback language): the entry asked for them once evaluated, and the frame waited for them
      // (110 ms after the entry's calls in a trace on a loaded machine, the last file to arrive).
      preloadChunksOf(FIRST_SCREEN_ROOTS, [translationChunkName(DEFAULT_LANGUAGE, true)]),
    ],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer is what a person waits for.
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
        output: {
          // After minification, which drops comments.
          postBanner: compileHint,
          codeSplitting: {
            // A group holds what its test names, not everything that imports.
            includeDependenciesRecursively: false,
            groups: [
              // Chunks per language: the window fetches the language it shows, not all three, and
              // its first screen's strings first (renderer/src/app/catalogues.ts).
              { debugName: 'translations', priority: 3, name: translationChunk },
              // A few chunks rather than one per shared module: each request costs more than its bytes.
              // The entry (main.tsx and what it imports from app/) stays out of them: it only starts
              // the fetches, and must not wait for React DOM or the contract's schemas to be evaluated.
              { name: 'react', priority: 2, test: /node_modules\/react\// },
              { name: 'react-dom', priority: 2, test: /node_modules\/(react-dom|scheduler)\// },
              { name: 'forms', priority: 2, test: FORM_LIBRARIES },
              { name: 'libraries', priority: 1, test: /node_modules\/(?!react\/)/ },
              // Stylesheets stay with the module that imports them (ui/kit.css with the entry, right after styles.css).
              // With the frame's shared modules, those the frame and the candidate list import: left
              // to themselves they made 12 chunks of 0.1 to 3 KB, each a request of the first screen
              // (22 scripts in all, which the browser fetches 6 at a time from the preview host, the
              // entry's calls waiting for a free connection behind them).
              {
                name: (id, context) => {
                  if (id.endsWith('.css') || ENTRY_MODULES.test(id) || FIRST_SCREEN_ROOTS.includes(id) || !OWN_MODULES.test(id)) return null;
                  const info = (module: string) => context.getModuleInfo(module);
                  if (!KIT_MODULES.test(id) && !firstScreenImports(id, info, firstScreenNeeds)) return null;
                  return needsFormLibraries(id, info, formNeeds) ? 'form-kit' : 'kit';
                },
              },
            ],
          },
        },
      },
    },
  },
});
