import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE_WORDS, fingerprintWords, generatePassphrase, normalisePassphrase } from '../../../electron/formats/words';

describe('words read aloud', () => {
  it('a passphrase is six distinct-looking lowercase words without accents', () => {
    const passphrase = generatePassphrase();
    const words = passphrase.split('-');
    expect(words).toHaveLength(PASSPHRASE_WORDS);
    for (const word of words) expect(word).toMatch(/^[a-z]+$/);
    expect(generatePassphrase()).not.toBe(passphrase);
  });

  it('reads a passphrase typed with capitals, spaces and accents as generated', () => {
    expect(normalisePassphrase('  Abeille  DÉBATTRE, dauphin ')).toBe('abeille-debattre-dauphin');
    // Not list words: kept exactly, since age compares bytes.
    expect(normalisePassphrase('Mon Mot De Passe!')).toBe('Mon Mot De Passe!');
  });

  test.prop([fc.constant(null)], { numRuns: 50 })('every generated passphrase reads back unchanged', () => {
    const passphrase = generatePassphrase();
    expect(normalisePassphrase(passphrase.toUpperCase().replaceAll('-', ' '))).toBe(passphrase);
  });

  it('fingerprints: the same bytes give the same words, one changed byte other words', () => {
    const digest = createHash('sha256').update('age1example').digest();
    expect(fingerprintWords(digest)).toEqual(fingerprintWords(Buffer.from(digest)));
    expect(fingerprintWords(digest)).toHaveLength(6);
    const other = Buffer.from(digest);
    other[0] = (other[0] ?? 0) ^ 0x80;
    expect(fingerprintWords(other)).not.toEqual(fingerprintWords(digest));
    // 11 bits per word: bits 0-10 give the first word (all zero → the list's first word).
    expect(fingerprintWords(new Uint8Array(32))[0]).toBe('abaisser');
  });
});
