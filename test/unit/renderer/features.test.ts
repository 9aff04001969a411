import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = path.resolve(__dirname, '../../../renderer/src');
/** The frame every feature builds on (the shell, the shared kit, the client): not features. */
const FRAME = new Set(['app', 'ui', 'api']);

/** Each file of the renderer's source, as a path from `renderer/src`. */
function sourceFiles(): string[] {
  return readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
}

/** The feature folder a path from `renderer/src` lies in, or null (the frame, a file at the root). */
function featureOf(file: string): string | null {
  const [folder, ...rest] = file.split(path.sep);
  return folder && rest.length > 0 && !FRAME.has(folder) ? folder : null;
}

/** Feature -> the other features it imports, each with the files and specifiers that do. */
function featureImports(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles()) {
    const from = featureOf(file);
    if (!from) continue;
    const text = readFileSync(path.join(SOURCE, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = featureOf(path.relative(SOURCE, path.resolve(path.dirname(path.join(SOURCE, file)), specifier as string)));
      if (!to || to === from) continue;
      const targets = graph.get(from) ?? new Map<string, string[]>();
      targets.set(to, [...(targets.get(to) ?? []), `${file} -> ${specifier}`]);
      graph.set(from, targets);
    }
  }
  return graph;
}

/** Every cycle of features (a -> b -> ... -> a), each listed once from its smallest name. */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const found: string[][] = [];
  const walk = (start: string, at: string, trail: string[]) => {
    for (const next of graph.get(at)?.keys() ?? []) {
      if (next === start) found.push([...trail, start]);
      else if (next > start && !trail.includes(next)) walk(start, next, [...trail, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return found;
}

describe("the renderer's feature folders", () => {
  it('finds the imports between features', () => {
    // The check below sees what it must: a feature screen embedding another's is an edge.
    expect(featureImports().get('employers')?.has('matching')).toBe(true);
  });

  it('never import each other both ways, directly or round a loop: what two use goes to ui/ or to its owner', () => {
    const graph = featureImports();
    const loops = cycles(graph).map((loop) =>
      loop
        .slice(1)
        .map((to, index) => `${loop[index]} -> ${to} (${graph.get(loop[index] as string)?.get(to)?.join(', ')})`)
        .join('; '),
    );
    expect(loops).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('reports a two-way import and a longer loop, once each', () => {
    const graph = new Map([
      ['a', new Map([['b', ['a.ts']]])],
      ['b', new Map([['a', ['b.ts']], ['c', ['b.ts']]])],
      ['c', new Map([['d', ['c.ts']]])],
      ['d', new Map([['b', ['d.ts']]])],
    ]);
    expect(cycles(graph)).toEqual([
      ['a', 'b', 'a'],
      ['b', 'c', 'd', 'b'],
    ]);
  });
});
