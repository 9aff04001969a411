import en from './en.json';
import enEmployers from './en/employers.json';
import enPartners from './en/partners.json';
import enSessions from './en/sessions.json';
import enVolunteers from './en/volunteers.json';
import fr from './fr.json';
import frEmployers from './fr/employers.json';
import frPartners from './fr/partners.json';
import frSessions from './fr/sessions.json';
import frVolunteers from './fr/volunteers.json';
import it from './it.json';
import itEmployers from './it/employers.json';
import itPartners from './it/partners.json';
import itSessions from './it/sessions.json';
import itVolunteers from './it/volunteers.json';

/** French first: the association's working language. */
export const LANGUAGES = ['fr', 'en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

/**
 * One catalogue per language, assembled from the common file and one file per domain
 * (each domain's strings sit under its own top-level key, so the files never overlap).
 */
export const resources = {
  fr: { translation: { ...fr, ...frEmployers, ...frPartners, ...frVolunteers, ...frSessions } },
  en: { translation: { ...en, ...enEmployers, ...enPartners, ...enVolunteers, ...enSessions } },
  it: { translation: { ...it, ...itEmployers, ...itPartners, ...itVolunteers, ...itSessions } },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
