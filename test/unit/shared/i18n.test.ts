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
const frenchKeys = [...french.keys()];
/** A key, or a group of keys that code completes (`candidates.values.statuses` + `.${status}`). */
const inCatalogue = (name: string) => french.has(name) || frenchKeys.some((key) => key.startsWith(`${name}.`));

/**
 * Keys that code names: in t('…'), in messages ('sessions.errors.notFound'), as a group that
 * code completes ('candidates.values.statuses'), and as the fixed head of a template literal
 * (`matching.values.reasons.${code}`), which must begin at least one key.
 */
const keyLike = /(['"`])((?:[a-z][A-Za-z]*\.(?:ui|values|errors)|errors)\.[\w.]*?)(?:(?=\1|\?)|(?<=`[\w.]*)(?=\$\{))/g;
const used = [...sourceFiles('renderer/src'), ...sourceFiles('shared'), ...sourceFiles('electron'), ...sourceFiles('test')].flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const calls = [...text.matchAll(/\bt\(\s*(['"`])([\w.]+)\1/g)].map((match) => ({ file, name: match[2] ?? '', head: false }));
  const named = [...text.matchAll(keyLike)].map((match) => ({
    file,
    name: match[2] ?? '',
    head: text.startsWith('${', (match.index ?? 0) + match[0].length),
  }));
  return [...calls, ...named];
});
/** Keys that a text names: `$t(common.values.frenchLevels.{{level}})`. */
const nested = [...french.values()].flatMap((text) =>
  [...text.matchAll(/\$t\(([\w.]+)(\{\{|\))/g)].map((match) => ({ name: match[1] ?? '', head: match[2] === '{{' })),
);

/** The second level of every domain: screen text, the labels of a closed list's values, refusals. */
const BUCKETS = ['ui', 'values', 'errors'];
const domains = Object.keys(resources.fr.translation).filter((key) => key !== 'errors');
/** A domain's record is `candidates.errors.notFound`; only a domain's other records name themselves. */
const singular = (domain: string) => domain.replace(/s$/, '');

describe('translations', () => {
  it('have the same keys in every language, none empty', () => {
    for (const language of LANGUAGES) {
      const catalog = catalogs[language] ?? new Map<string, string>();
      expect([...catalog.keys()].sort(), language).toEqual([...french.keys()].sort());
      for (const [key, value] of catalog) expect(value.trim(), `${language}:${key}`).not.toBe('');
    }
  });

  it('follow one convention: errors.<code> for the API codes, <domain>.ui|values|errors.* for the rest', () => {
    const codes = frenchKeys.filter((key) => key.startsWith('errors.'));
    expect(codes.sort()).toEqual(ERROR_CODES.map((code) => `errors.${code}`).sort());
    const offenders = frenchKeys.filter((key) => {
      const [domain = '', bucket = '', ...rest] = key.split('.');
      return domain !== 'errors' && !(/^[a-z][A-Za-z]*$/.test(domain) && BUCKETS.includes(bucket) && rest.length > 0);
    });
    expect(offenders).toEqual([]);
  });

  it('say "not found" one way: <domain>.errors.notFound, or <domain>.errors.<record>NotFound for its other records', () => {
    const notFound = frenchKeys.filter((key) => /not_?found/i.test(key) && key !== 'errors.not_found');
    expect(notFound.length).toBeGreaterThan(0);
    const owned = new Set(domains.map(singular));
    const offenders = notFound.filter((key) => {
      const match = /^([a-z][A-Za-z]*)\.errors\.(?:notFound|([a-z][A-Za-z]*)NotFound)$/.exec(key);
      // A record that is a domain of its own is refused with that domain's key.
      return !match || (match[2] !== undefined && owned.has(match[2]));
    });
    expect(offenders).toEqual([]);
  });

  it('cover every key the code and the texts name', () => {
    expect(used.length).toBeGreaterThan(1000);
    const missing = used
      .filter(({ name, head }) => (head ? !frenchKeys.some((key) => key.startsWith(name)) : !inCatalogue(name.replace(/\.$/, ''))))
      .map(({ file, name }) => `${file}: ${name}`);
    expect(missing).toEqual([]);
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.filter(({ name, head }) => (head ? !frenchKeys.some((key) => key.startsWith(name)) : !inCatalogue(name)))).toEqual([]);
  });

  it('name no key in a former shape', () => {
    const former = /(['"`])(?:validation|workflow|pipeline|frenchLevels|leaveGuard|[a-z][A-Za-z]*\.(?:validation|warnings))\.[\w.]*(?:\1|\$\{)/g;
    const offenders = [...sourceFiles('renderer/src'), ...sourceFiles('shared'), ...sourceFiles('electron'), ...sourceFiles('test')].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(former)].map((match) => `${file}: ${match[0]}`),
    );
    expect(offenders).toEqual([]);
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
