import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sectorLabel, useSectors } from '../ui/sectors';

/**
 * A sector's label from its id (records carry only the id), archived sectors included since a
 * record may still name one. Empty while the sectors load.
 */
export function useSectorNames(): (sectorId: string) => string {
  const { t } = useTranslation();
  const { sectors } = useSectors(true);
  const names = useMemo(() => new Map(sectors.map((sector) => [sector.id, sectorLabel(sector, t)])), [sectors, t]);
  return useCallback((sectorId: string) => names.get(sectorId) ?? '', [names]);
}
