import { randomInt } from 'node:crypto';
import { wordlist as frenchWords } from '@scure/bip39/wordlists/french.js';

/**
 * Words that two staffers read to each other by phone: generated passphrases and key
 * fingerprints. The list is BIP-39's French one (2,048 words, 11 bits each, chosen so that no
 * two share their first four letters and none is a homophone trap); accents are dropped when
 * shown and typed, which keeps the 2,048 words distinct.
 */

const BITS_PER_WORD = 11;

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const WORDS: readonly string[] = frenchWords.map(withoutAccents);

/** Six words (66 bits): with age's scrypt, enough against offline guessing for a file's life. */
export const PASSPHRASE_WORDS = 6;

/** A new passphrase, words joined by hyphens ("abeille-dormir-fusion-…"). */
export function generatePassphrase(count: number = PASSPHRASE_WORDS): string {
  return Array.from({ length: count }, () => WORDS[randomInt(WORDS.length)]).join('-');
}

/**
 * A passphrase as typed (spaces, capitals, accents, other separators) in the form it was
 * generated in, so that "Abeille Dormir…" opens a file made with "abeille-dormir-…". Text that
 * is not made of words is kept as typed (a partner may have chosen their own).
 */
export function normalisePassphrase(typed: string): string {
  const words = withoutAccents(typed).toLowerCase().split(/[^a-z]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => WORDS.includes(word)) ? words.join('-') : typed;
}

/** The first `count` × 11 bits of `digest` as words: a fingerprint people can compare aloud. */
export function fingerprintWords(digest: Uint8Array, count = 6): string[] {
  if (digest.length * 8 < count * BITS_PER_WORD) throw new Error('digest too short for the fingerprint');
  const words: string[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of digest) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    if (bits >= BITS_PER_WORD) {
      bits -= BITS_PER_WORD;
      words.push(WORDS[(buffer >> bits) & 0x7ff] as string);
      buffer &= (1 << bits) - 1;
      if (words.length === count) break;
    }
  }
  return words;
}
