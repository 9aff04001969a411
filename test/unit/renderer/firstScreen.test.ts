import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_DOMAINS } from '../../../renderer/src/app/firstScreen';
import { resources } from '../../../shared/i18n';

const ROOT = path.resolve(__dirname, '../../..');
/** What the window evaluates before the candidate list's first render: the entry, the frame, the client, the section. */
const FIRST_SCREEN = ['renderer/src/main.tsx', 'renderer/src/start.tsx', 'renderer/src/api/client.ts', 'renderer/src/candidates/CandidatesSection.tsx'];
/** Replaced by its value in the renderer's build (electron.vite.config.ts): what it imports is never shipped. */
const EVALUATED_AT_BUILD = new Set(['shared/method-needs.ts']);
/** Schemas and forms: about a third of the first screen's work when they were in it. */
const FORM_LIBRARIES = /^(zod|react-hook-form|@hookform\/)/;

/** The modules a file imports for their values (type-only imports are erased), as written. */
function valueImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers: string[] = [];
  for (const [statement, specifier] of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gms)) {
    const named = /^\s*(?:import|export)\s*\{([^}]*)\}\s*from/.exec(statement ?? '');
    const onlyTypes = named?.[1]
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .every((name) => name.startsWith('type '));
    if (!onlyTypes && specifier) specifiers.push(specifier);
  }
  return specifiers;
}

function resolveSource(from: string, specifier: string): string | null {
  const base = path.join(path.dirname(from), specifier);
  return ['.ts', '.tsx', ''].map((extension) => base + extension).find((candidate) => /\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate))) ?? null;
}

/** Each package the first screen imports, with the chain of modules that leads to it; and its own modules. */
function firstScreenImports(): { packages: Map<string, string[]>; modules: string[] } {
  const via = new Map<string, string | null>(FIRST_SCREEN.map((file) => [file, null]));
  const packages = new Map<string, string[]>();
  const chain = (file: string) => {
    const files: string[] = [];
    for (let at: string | null | undefined = file; at; at = via.get(at)) files.unshift(at);
    return files;
  };
  const queue = [...FIRST_SCREEN];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (EVALUATED_AT_BUILD.has(file)) continue;
    for (const specifier of valueImports(file)) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, chain(file));
        continue;
      }
      const imported = resolveSource(file, specifier);
      if (imported && !via.has(imported)) {
        via.set(imported, file);
        queue.push(imported);
      }
    }
  }
  return { packages, modules: [...via.keys()] };
}

/** Whether `key` names a string or a group of strings of the French catalogue. */
function isCatalogueKey(key: string): boolean {
  let at: unknown = resources.fr.translation;
  for (const part of key.split('.')) {
    if (typeof at !== 'object' || at === null || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/** The catalogue keys a module names in its text: whole (`'candidates.ui.new'`) or as the start of a template (`` `candidates.values.statuses.${status}` ``). */
function namedKeys(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/['"`]([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)\.?(?:['"`]|\$\{)/g)].flatMap(([, key]) => (key && isCatalogueKey(key) ? [key] : []));
}

describe('the first screen', () => {
  it('evaluates neither the schemas nor the form libraries: the candidate list opens without them', () => {
    const { packages } = firstScreenImports();
    expect(packages.has('react-dom/client')).toBe(true);
    const forms = [...packages].filter(([name]) => FORM_LIBRARIES.test(name)).map(([name, files]) => `${files.join(' > ')} > ${name}`);
    expect(forms).toEqual([]);
  });

  it("shows strings of no domain beyond those its catalogue starts with: the rest comes after its first paint", () => {
    // The screens' modules: what the contract's modules name are refusals of writes and other lists' columns, not shown before the first rows.
    const screens = firstScreenImports().modules.filter((file) => file.startsWith('renderer/src/'));
    const common = new Set(Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'shared/i18n/fr.json'), 'utf8'))));
    const missing = screens.flatMap((file) =>
      namedKeys(file)
        .filter((key) => {
          const domain = key.split('.')[0] ?? '';
          return !common.has(domain) && !FIRST_SCREEN_DOMAINS.some((first) => first === domain);
        })
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
    // The walk finds the list's own strings, so an empty answer above means something.
    expect(screens.flatMap(namedKeys)).toContain('candidates.ui.list.title');
  });
});
