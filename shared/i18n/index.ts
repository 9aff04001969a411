import en from './en.json';
import enAccounts from './en/accounts.json';
import enAppointments from './en/appointments.json';
import enBackups from './en/backups.json';
import enCandidates from './en/candidates.json';
import enDashboard from './en/dashboard.json';
import enDocuments from './en/documents.json';
import enEmployers from './en/employers.json';
import enExchange from './en/exchange.json';
import enMatching from './en/matching.json';
import enPartners from './en/partners.json';
import enPlans from './en/plans.json';
import enProgrammes from './en/programmes.json';
import enReports from './en/reports.json';
import enRetention from './en/retention.json';
import enRights from './en/rights.json';
import enSectors from './en/sectors.json';
import enSessions from './en/sessions.json';
import enSettings from './en/settings.json';
import enSheets from './en/sheets.json';
import enTimeline from './en/timeline.json';
import enVolunteers from './en/volunteers.json';
import fr from './fr.json';
import frAccounts from './fr/accounts.json';
import frAppointments from './fr/appointments.json';
import frBackups from './fr/backups.json';
import frCandidates from './fr/candidates.json';
import frDashboard from './fr/dashboard.json';
import frDocuments from './fr/documents.json';
import frEmployers from './fr/employers.json';
import frExchange from './fr/exchange.json';
import frMatching from './fr/matching.json';
import frPartners from './fr/partners.json';
import frPlans from './fr/plans.json';
import frProgrammes from './fr/programmes.json';
import frReports from './fr/reports.json';
import frRetention from './fr/retention.json';
import frRights from './fr/rights.json';
import frSectors from './fr/sectors.json';
import frSessions from './fr/sessions.json';
import frSettings from './fr/settings.json';
import frSheets from './fr/sheets.json';
import frTimeline from './fr/timeline.json';
import frVolunteers from './fr/volunteers.json';
import it from './it.json';
import itAccounts from './it/accounts.json';
import itAppointments from './it/appointments.json';
import itBackups from './it/backups.json';
import itCandidates from './it/candidates.json';
import itDashboard from './it/dashboard.json';
import itDocuments from './it/documents.json';
import itEmployers from './it/employers.json';
import itExchange from './it/exchange.json';
import itMatching from './it/matching.json';
import itPartners from './it/partners.json';
import itPlans from './it/plans.json';
import itProgrammes from './it/programmes.json';
import itReports from './it/reports.json';
import itRetention from './it/retention.json';
import itRights from './it/rights.json';
import itSectors from './it/sectors.json';
import itSessions from './it/sessions.json';
import itSettings from './it/settings.json';
import itSheets from './it/sheets.json';
import itTimeline from './it/timeline.json';
import itVolunteers from './it/volunteers.json';

import { frenchDe } from './french';

// The languages live apart from the catalogues, so the renderer can name them without loading every string.
import type { Language } from './languages';
export { DEFAULT_LANGUAGE, LANGUAGES, type Language, MISSING_TRANSLATION, isLanguage } from './languages';

/**
 * One catalogue per language, assembled from the common file and one file per domain
 * (each domain's strings sit under its own top-level key, so the files never overlap).
 */
export const resources = {
  en: { translation: { ...en, ...enAccounts, ...enAppointments, ...enBackups, ...enCandidates, ...enDashboard, ...enDocuments, ...enEmployers, ...enExchange, ...enMatching, ...enPartners, ...enPlans, ...enProgrammes, ...enReports, ...enRetention, ...enRights, ...enSectors, ...enSessions, ...enSettings, ...enSheets, ...enTimeline, ...enVolunteers } },
  fr: { translation: { ...fr, ...frAccounts, ...frAppointments, ...frBackups, ...frCandidates, ...frDashboard, ...frDocuments, ...frEmployers, ...frExchange, ...frMatching, ...frPartners, ...frPlans, ...frProgrammes, ...frReports, ...frRetention, ...frRights, ...frSectors, ...frSessions, ...frSettings, ...frSheets, ...frTimeline, ...frVolunteers } },
  it: { translation: { ...it, ...itAccounts, ...itAppointments, ...itBackups, ...itCandidates, ...itDashboard, ...itDocuments, ...itEmployers, ...itExchange, ...itMatching, ...itPartners, ...itPlans, ...itProgrammes, ...itReports, ...itRetention, ...itRights, ...itSectors, ...itSessions, ...itSettings, ...itSheets, ...itTimeline, ...itVolunteers } },
} as const;

type Catalogue = { [key: string]: string | Catalogue };

/**
 * What the main process writes itself in a person's language (files, the terminal): a message
 * (a key, or a key with its values as errors carry them: `key?name=value`) made a sentence. A
 * key missing from the catalogue is given back as it is, as i18next does.
 */
export function translator(language: Language): (message: string, values?: Record<string, string>) => string {
  const catalogue = resources[language].translation as unknown as Catalogue;
  return (message, values = {}) => {
    const mark = message.indexOf('?');
    const key = mark < 0 ? message : message.slice(0, mark);
    const all = mark < 0 ? values : { ...Object.fromEntries(new URLSearchParams(message.slice(mark + 1))), ...values };
    let node: string | Catalogue | undefined = catalogue;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+))?\s*\}\}/g, (_, name: string, format?: string) => {
      const value = all[name] ?? '';
      // The one format French strings use: "la fiche {{name, de}}" (as the renderer's i18next does).
      return format === 'de' ? frenchDe(value) : value;
    });
  };
}
