import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES, LANGUAGE_CODES, countryName, languageName } from '../../../shared/reference';
import { pairNames, pairScope, sortableName } from '../volunteers/names';
import type { Option } from '../ui/options';
import { useApiValue } from '../ui/useApiValue';

/** A closed list of the domain (statuses, documents…), labelled by its translations under `prefix`. */
export function choices(values: readonly string[], t: TFunction, prefix: string): Option[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

function sortedByLabel(options: Option[], language: string): Option[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return options.sort((a, b) => collator.compare(a.label, b.label));
}

function capitalised(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** Countries named and sorted in the interface language ("Afghanistan, Afrique du Sud…"). */
export function useCountryOptions(): Option[] {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => sortedByLabel(COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, language) })), language),
    [language],
  );
}

/** Languages named and sorted in the interface language. */
export function useLanguageOptions(): Option[] {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    // French and Italian name languages in lower case ("arabe"); alone in a list, they start with a capital.
    // A language the platform cannot name would show as its code ("aa"): it is not offered.
    const named = LANGUAGE_CODES.map((code) => ({ value: code, label: capitalised(languageName(code, language), language) })).filter(
      (option) => option.label.toLowerCase() !== option.value,
    );
    // Two codes the platform names alike (Akan and Twi) are told apart by their code.
    const seen = new Map<string, number>();
    for (const option of named) seen.set(option.label, (seen.get(option.label) ?? 0) + 1);
    const distinct = named.map((option) => ((seen.get(option.label) ?? 0) > 1 ? { ...option, label: `${option.label} (${option.value})` } : option));
    return sortedByLabel(distinct, language);
  }, [language]);
}

/** At most an association's whole list of volunteers (a few dozen). */
const REFERENCE_LIMIT = 500;

/** Pairs of volunteers, named by what they work on and who they are; asked for once `load` is true. */
export function usePairOptions(load = true): Option[] {
  const { t } = useTranslation();
  const { state } = useApiValue('pairs.list', load ? { archived: 'all' } : null);
  return useMemo(
    () =>
      state.status === 'ready'
        ? state.value.map((pair) => ({
            value: pair.id,
            label: `${pairScope(pair, t)} — ${pairNames(pair, t)}`,
            retired: pair.archivedAt !== null,
          }))
        : [],
    [state, t],
  );
}

/** Programmes and funders, archived ones marked (files keep them); asked for once `load` is true. */
export function useProgrammeOptions(load = true): Option[] {
  const { state } = useApiValue('programmes.list', load ? { includeArchived: true } : null);
  return useMemo(
    () => (state.status === 'ready' ? state.value.map((programme) => ({ value: programme.id, label: programme.name, retired: programme.archivedAt !== null })) : []),
    [state],
  );
}

export function useVolunteerOptions(): Option[] {
  const { state } = useApiValue('volunteers.list', { archived: 'all', limit: REFERENCE_LIMIT });
  return useMemo(
    () =>
      state.status === 'ready'
        ? state.value.items.map((volunteer) => ({
            value: volunteer.id,
            label: sortableName(volunteer),
            retired: volunteer.archivedAt !== null || !volunteer.active,
          }))
        : [],
    [state],
  );
}

/** The options worth offering: current ones, and a retired one only when it is the one chosen. */
export function offered(options: Option[], chosen: readonly (string | null | undefined)[]): Option[] {
  return options.filter((option) => !option.retired || chosen.includes(option.value));
}
