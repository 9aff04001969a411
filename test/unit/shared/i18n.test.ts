import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { LANGUAGES, resources } from '../../../shared/i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(full, value);
    else for (const [k, v] of flatten(value, full)) keys.set(k, v);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

const catalogs = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(resources[language].translation as Tree)]));
const french = catalogs.fr ?? new Map<string, string>();
/** Keys that code names literally: t('a.b'), and message strings such as 'errors.x' or 'exchange.validation.x'. */
const usedKeys = new Set(
  [...sourceFiles('renderer/src'), ...sourceFiles('shared'), ...sourceFiles('electron')].flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const calls = [...text.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1] ?? '');
    const messages = [...text.matchAll(/'((?:[a-z]+\.)?(?:errors|validation|warnings)\.[A-Za-z_.]+)'/g)].map((match) => match[1] ?? '');
    return [...calls, ...messages];
  }),
);

describe('translations', () => {
  it('have the same keys in every language, none empty', () => {
    for (const language of LANGUAGES) {
      const catalog = catalogs[language] ?? new Map<string, string>();
      expect([...catalog.keys()].sort(), language).toEqual([...french.keys()].sort());
      for (const [key, value] of catalog) expect(value.trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it('cover every error code and every key the code names', () => {
    for (const code of ERROR_CODES) expect(french.has(`errors.${code}`), code).toBe(true);
    const missing = [...usedKeys].filter((key) => !french.has(key) && !key.endsWith('.'));
    expect(missing).toEqual([]);
  });

  it('leave no visible text hard-coded in the UI', () => {
    const offenders = sourceFiles('renderer/src')
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        // Text right after a JSX tag opens or closes, and literal strings in attributes people see or hear.
        const jsxText = [...text.matchAll(/(?:<[A-Za-z][\w.]*(?:\s[^<>]*)?|<\/[\w.]*)>([^<>{}();=?&|]*\p{L}{2,}[^<>{}();=?&|]*)</gu)].map((m) => m[1]);
        const attributes = [...text.matchAll(/\b(?:placeholder|title|aria-label|alt|label)="([^"]*\p{L}[^"]*)"/gu)].map((m) => m[1]);
        return [...jsxText, ...attributes].map((found) => `${file}: ${found?.trim()}`);
      });
    expect(offenders).toEqual([]);
  });
});
