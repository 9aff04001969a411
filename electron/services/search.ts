/**
 * Turns what a person types into an FTS5 query: each word becomes a quoted prefix term, all
 * required ("dupont j" -> `"dupont"* "j"*`). Splitting on anything that is not a letter or a
 * digit matches the unicode61 tokenizer and leaves no FTS syntax through (quotes, NEAR, OR…).
 */
export function toFtsQuery(text: string, maxTerms = 8): string | null {
  const terms = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
  return terms.length === 0 ? null : terms.map((term) => `"${term}"*`).join(' ');
}
