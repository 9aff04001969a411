import { fc, test } from '@fast-check/vitest';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../electron/services/search';

describe('toFtsQuery', () => {
  it('makes every word a required prefix term', () => {
    expect(toFtsQuery('dupont j')).toBe('"dupont"* "j"*');
    expect(toFtsQuery("  N'Diaye, Zoé ")).toBe('"N"* "Diaye"* "Zoé"*');
    expect(toFtsQuery('+33 6 12')).toBe('"33"* "6"* "12"*');
    expect(toFtsQuery(' -*"() ')).toBeNull();
    expect(toFtsQuery('a b c d e f g h i j')?.split(' ')).toHaveLength(8);
  });

  const sqlite = new Database(':memory:');
  sqlite.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')");
  sqlite.prepare('INSERT INTO t (x) VALUES (?)').run('Hélène Dupont 0612345678');
  const match = sqlite.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck();

  // Whatever a person types (or pastes), the query is valid FTS5 syntax.
  test.prop([fc.string({ unit: 'grapheme', maxLength: 60 })], { numRuns: 500 })('never yields an invalid query', (text) => {
    const query = toFtsQuery(text);
    if (query !== null) expect(() => match.get(query)).not.toThrow();
  });

  test.prop([fc.constantFrom('Hélène', 'Dupont', '0612345678'), fc.integer({ min: 1, max: 6 })])(
    'finds a stored word from any prefix of it, with or without accents',
    (word, length) => {
      const prefix = word.slice(0, length);
      expect(match.get(toFtsQuery(prefix))).toBe(1);
      expect(match.get(toFtsQuery(prefix.normalize('NFD').replace(/\p{Diacritic}/gu, '')))).toBe(1);
    },
  );
});
