/**
 * A number typed as the lists show it, or as people write it: "07 79 70 34 60", "06.71.22.33.44",
 * "+33 6 71 22 33 44", "0033 6 71…", "+33 (0)6 71…", a SIRET in groups: digits and separators,
 * maybe after a +, standing apart from any word.
 */
const NUMBER_RUN = /(?<![\p{L}\p{N}])\+?\d[\d\s.\-/()]*\d(?![\p{L}\p{N}])/gu;

/**
 * One term of the number's digits, the way the indexes hold a phone: its international digits
 * without + or 00, and a French one also as 0XXXXXXXXX (see the search migrations). As a
 * prefix term, part of a number ("06 12 34") finds it too.
 */
function joinNumber(run: string): string {
  const digits = run.replace(/\(0\)/g, '').replace(/\D/g, '');
  return ` ${run.startsWith('00') ? digits.slice(2) : digits} `;
}

/**
 * Turns what a person types into an FTS5 query: each word becomes a quoted prefix term, all
 * required ("dupont j" -> `"dupont"* "j"*`), and a number written in groups one term of its
 * digits. Splitting on anything that is not a letter or a digit matches the unicode61 tokenizer
 * and leaves no FTS syntax through (quotes, NEAR, OR…).
 */
export function toFtsQuery(text: string, maxTerms = 8): string | null {
  const terms = text
    .normalize('NFC')
    .replace(NUMBER_RUN, joinNumber)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
  return terms.length === 0 ? null : terms.map((term) => `"${term}"*`).join(' ');
}
