import { fc, test } from '@fast-check/vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../electron/store/search';

describe('toFtsQuery', () => {
  it('makes every word a required prefix term', () => {
    expect(toFtsQuery('dupont j')).toBe('"dupont"* "j"*');
    expect(toFtsQuery("  N'Diaye, Zoé ")).toBe('"N"* "Diaye"* "Zoé"*');
    expect(toFtsQuery('Zoé2 3')).toBe('"Zoé2"* "3"*');
    expect(toFtsQuery(' -*"() ')).toBeNull();
    expect(toFtsQuery('a b c d e f g h i j')?.split(' ')).toHaveLength(8);
  });

  it('makes a number written in groups one term of its digits, as the index holds phones', () => {
    expect(toFtsQuery('07 79 70 34 60')).toBe('"0779703460"*');
    expect(toFtsQuery('06.71.22.33.44')).toBe('"0671223344"*');
    expect(toFtsQuery('+33 6 71 22 33 44')).toBe('"33671223344"*');
    expect(toFtsQuery('0033 6 71 22 33 44')).toBe('"33671223344"*');
    expect(toFtsQuery('+33 (0)6 71 22 33 44')).toBe('"33671223344"*');
    expect(toFtsQuery('(06) 12-34')).toBe('"061234"*');
    expect(toFtsQuery('Diallo 06 12')).toBe('"Diallo"* "0612"*');
    expect(toFtsQuery('552 100 554 00013')).toBe('"55210055400013"*');
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
