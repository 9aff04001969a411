import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { CalendarItem } from '../../../shared/appointments';
import { useApiValue } from '../ui/useApiValue';
import { dateFormat } from '../../../shared/dateFormat';

/** "lun. 7 déc., 09:30" from a local `YYYY-MM-DDTHH:MM` (or a date alone). */
export function formatWhen(value: string, language: string): string {
  const date = dateFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
  return value.length > 10 ? `${date}, ${value.slice(11, 16)}` : date;
}

/** What a calendar item is, in a few words: its kind, then what tells it apart. */
export function itemTitle(item: CalendarItem, t: TFunction): string {
  switch (item.kind) {
    case 'appointment':
      return t(`appointments.values.kinds.${item.appointmentKind}`);
    case 'session':
      return t('appointments.values.itemKinds.session');
    case 'followUp':
      return t('appointments.ui.calendar.followUpMonths', { months: item.monthsAfter });
    case 'placementStart':
    case 'placementEnd':
      return `${t(`appointments.values.itemKinds.${item.kind}`)} (${t(`matching.values.placementKinds.${item.placementKind}`)})`;
    case 'step':
      return item.label ?? t('appointments.values.itemKinds.step');
  }
}

const NAMES_LIMIT = 500;

export interface Choice {
  value: string;
  label: string;
}

/** The active volunteers, by name, for pickers. */
export function useVolunteerChoices(enabled = true): Choice[] {
  const { state } = useApiValue('volunteers.list', enabled ? { archived: 'active', limit: NAMES_LIMIT } : null);
  return useMemo(
    () => (state.status === 'ready' ? state.value.items.map((volunteer) => ({ value: volunteer.id, label: `${volunteer.firstName} ${volunteer.lastName}` })) : []),
    [state],
  );
}

/** The active pairs, named by their two volunteers. */
export function usePairChoices(enabled = true): Choice[] {
  const { state } = useApiValue('pairs.list', enabled ? { archived: 'active' } : null);
  return useMemo(
    () =>
      state.status === 'ready'
        ? state.value.map((pair) => ({ value: pair.id, label: `${pair.firstVolunteer.firstName} & ${pair.secondVolunteer.firstName}` }))
        : [],
    [state],
  );
}

export function usePartnerChoices(enabled = true): Choice[] {
  const { state } = useApiValue('partners.list', enabled ? { archived: 'active', limit: NAMES_LIMIT } : null);
  return useMemo(() => (state.status === 'ready' ? state.value.items.map((partner) => ({ value: partner.id, label: partner.name })) : []), [state]);
}

/** Field errors of a refused call, translated, by field. */
export function translatedFields(fields: Record<string, string> | undefined, t: TFunction): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([field, key]) => [field, t(key)]));
}
