import type { TFunction } from 'i18next';
import type { Sector } from '../../../shared/sectors';
import { useApiValue } from './useApiValue';

/** A sector's label: the name the association gave it, or the translation of a seeded sector. */
export function sectorLabel(sector: Pick<Sector, 'name' | 'seedKey'>, t: TFunction): string {
  if (sector.name) return sector.name;
  return sector.seedKey ? t(`sectors.values.${sector.seedKey}`) : '';
}

/** The sectors, in their own order (archived ones too when asked); asked for once `load` is true. */
export function useSectors(includeArchived = false, load = true) {
  const { state, reload } = useApiValue('sectors.list', load ? { includeArchived } : null);
  return { sectors: state.status === 'ready' ? state.value : [], state, reload };
}
