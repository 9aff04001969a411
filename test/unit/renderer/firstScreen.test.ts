import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

/** Each package the first screen imports, with the chain of modules that leads to it. */
function firstScreenPackages(): Map<string, string[]> {
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
  return packages;
}

describe('the first screen', () => {
  it('evaluates neither the schemas nor the form libraries: the candidate list opens without them', () => {
    const packages = firstScreenPackages();
    expect(packages.has('react-dom/client')).toBe(true);
    const forms = [...packages].filter(([name]) => FORM_LIBRARIES.test(name)).map(([name, files]) => `${files.join(' > ')} > ${name}`);
    expect(forms).toEqual([]);
  });
});
