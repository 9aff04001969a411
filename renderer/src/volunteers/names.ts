import type { TFunction } from 'i18next';
import type { Pair, VolunteerName } from '../../../shared/volunteers';
import { sectorLabel } from '../ui/sectors';

/** The name as lists sort it, for choosing from a list: "Dupont Marie". */
export function sortableName(volunteer: Pick<VolunteerName, 'firstName' | 'lastName'>): string {
  return `${volunteer.lastName} ${volunteer.firstName}`;
}

/** What a pair works on: its sector, or the temp-work agencies. */
export function pairScope(pair: Pick<Pair, 'kind' | 'sector'>, t: TFunction): string {
  return pair.kind === 'temp_agencies' || pair.sector === null ? t('volunteers.ui.pairs.tempAgencies') : sectorLabel(pair.sector, t);
}

/** "Marie Dupont et Jean Martin". */
export function pairNames(pair: Pick<Pair, 'firstVolunteer' | 'secondVolunteer'>, t: TFunction): string {
  const name = (volunteer: VolunteerName) => `${volunteer.firstName} ${volunteer.lastName}`;
  return t('volunteers.ui.pairs.names', { first: name(pair.firstVolunteer), second: name(pair.secondVolunteer) });
}
