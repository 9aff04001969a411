/**
 * Name comparison for spotting the same person twice: accents, case and order ignored
 * ("Mohamed ALI" ~ "Ali Mohammed"), one typo allowed in longer name parts.
 */

export function nameTokens(...names: (string | null | undefined)[]): string[] {
  return names
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** Levenshtein distance, stopping early once it passes `max`. */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return (previous[b.length] ?? max + 1) <= max;
}

/** Cyrillic letters as French and English records usually transliterate them (Russian, Ukrainian). */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/**
 * Spellings of one sound folded into one, for the ways Arabic and Cyrillic names are written in
 * Latin letters in French, English and German records: Youssef ~ Yusuf, Oualid ~ Walid,
 * Djamel ~ Jamel, Chevtchenko ~ Shevchenko ~ Schewtschenko, Khaled ~ Haled, Abdelkader ~
 * Abdelqader, Iouri ~ Yuri. Order matters: longer spellings first.
 */
const SOUNDS: [RegExp, string][] = [
  [/tsch|tch|sch|sh|ch|ç/g, 'x'],
  [/dzh|dj|zh|dsch/g, 'j'],
  [/kh|gh/g, 'h'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/q|ck|c(?=[aou])/g, 'k'],
  [/ou|oo|w/g, 'u'],
  [/y/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** Forms already folded: an import compares the same few thousand names again and again. */
const phoneticForms = new Map<string, string>();
const PHONETIC_FORMS_KEPT = 50_000;

/** A name part in Latin letters with its sounds folded (see SOUNDS). */
export function phoneticForm(token: string): string {
  const known = phoneticForms.get(token);
  if (known !== undefined) return known;
  let form = [...token].map((letter) => CYRILLIC[letter] ?? letter).join('');
  for (const [spelling, sound] of SOUNDS) form = form.replace(spelling, sound);
  if (phoneticForms.size >= PHONETIC_FORMS_KEPT) phoneticForms.clear();
  phoneticForms.set(token, form);
  return form;
}

/** The consonants after the first letter: what stays of a name across vowel spellings (Mohamed ~ Muhammad). */
const skeleton = (form: string) => form.slice(0, 1) + form.slice(1).replace(/[aeiou]/g, '');

/**
 * Two name parts are the same name: equal once transliterated and folded; or, from five
 * letters, one typo apart, or two vowels apart with the same consonants (Aminata ~ Aminatou,
 * Mohamed ~ Muhammad). Short parts must be equal: Ali and Ala are two people.
 */
function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [phoneticForm(a), phoneticForm(b)];
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 5) return false;
  return editDistanceAtMost(x, y, 1) || (skeleton(x) === skeleton(y) && editDistanceAtMost(x, y, 2));
}

/** Every part of the shorter name matches a part of the other, in any order. */
export function similarNames(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.every((token) => longer.some((other) => tokensMatch(token, other)));
}
