/**
 * The one place dates become text for people (every `Intl.DateTimeFormat` of the app goes
 * through here; a unit test holds to it). French and Italian write the day first; so does the
 * app's English, as in Britain ("2 Dec 2026", 02/12/2026): US order (12/02/2026) reads as
 * 12 February to most of the people Tremplin's volunteers meet.
 */
export function dateLocale(language: string): string {
  return language === 'en' || language.startsWith('en-') ? 'en-GB' : language;
}

/** A formatter for dates and times in the interface language, e.g. `dateFormat('en', { dateStyle: 'medium' })`. */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocale(language), options);
}
