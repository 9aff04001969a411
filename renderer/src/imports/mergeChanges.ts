import type { TFunction } from 'i18next';
import { countryName } from '../../../shared/reference';
import type { MergeChange } from '../../../shared/sheets';
import { formatDate } from '../app/format';
import { formatPhone } from '../app/phone';
import { CANDIDATE_DATE_FIELDS, CANDIDATE_VALUE_PREFIXES } from '../ui/candidateValues';

/** What names a field a merge fills that is not named like the sheet's column that gave it. */
const FIELD_LABELS: Record<string, string> = {
  sectorIds: 'sheets.ui.mergeLists.sectorIds',
  occupations: 'sheets.ui.mergeLists.occupations',
  contacts: 'sheets.ui.mergeLists.contacts',
  sectorId: 'sheets.ui.columns.sector',
  kind: 'sheets.ui.columns.partnerKind',
  referralPartnerId: 'sheets.ui.columns.referralPartner',
  frenchLevelProof: 'candidates.ui.fields.frenchLevelProof',
};

const DATE_FIELDS = new Set([...CANDIDATE_DATE_FIELDS, 'charterSignedOn', 'startDate', 'endDate', 'validUntil']);
const PHONE_FIELDS = new Set(['phone', 'secondPhone']);
/** The closed lists of every kind a sheet brings in (`kind` is a partner's: the only kind of row that carries one). */
const VALUE_PREFIXES: Record<string, string> = {
  ...(CANDIDATE_VALUE_PREFIXES as Record<string, string>),
  minFrenchLevel: 'common.values.frenchLevels',
  contractType: 'employers.values.contractTypes',
  kind: 'partners.values.kinds',
};

/** The records a merge's values point to, by name (a sector added, the partner that referred a person). */
export interface MergeNames {
  sector(id: string): string;
  partner(id: string): string;
}

/** The record field's label: the column's where the field is named like it. */
export function mergeFieldLabel(field: string, t: TFunction): string {
  return t(FIELD_LABELS[field] ?? `sheets.ui.columns.${field}`);
}

/** A value as the file's screens show it: a date day first, a code by its label, a sector or partner by its name, a phone as dialled. */
export function mergeValueText(field: string, value: string, t: TFunction, language: string, names: MergeNames): string {
  if (field === 'sectorId' || field === 'sectorIds') return names.sector(value);
  if (field === 'referralPartnerId') return names.partner(value);
  if (PHONE_FIELDS.has(field)) return formatPhone(value);
  if (DATE_FIELDS.has(field)) return formatDate(value, language);
  if (field === 'nationality') return countryName(value, language);
  const prefix = VALUE_PREFIXES[field];
  return prefix ? t(`${prefix}.${value}`) : value;
}

/** One line of what a merge does: adds an item to a list, fills an empty field, or keeps the record's own value. */
export function mergeChangeText(change: MergeChange, t: TFunction, language: string, names: MergeNames): string {
  const field = mergeFieldLabel(change.field, t);
  const value = mergeValueText(change.field, change.value, t, language, names);
  if (change.added) return t('sheets.ui.mergeAdds', { field, value });
  if (change.kept === null) return t('sheets.ui.mergeFills', { field, value });
  return t('sheets.ui.mergeKeeps', { field, value, kept: mergeValueText(change.field, change.kept, t, language, names) });
}
