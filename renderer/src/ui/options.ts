import { useMemo } from 'react';
import { useApiValue } from './useApiValue';

/** One choice in a select or a picker, already translated. */
export interface Option {
  value: string;
  label: string;
  /** Archived or inactive: offered only when already chosen. */
  retired?: boolean;
}

/** At most an association's whole list of partners (a few dozen). */
const PARTNER_LIMIT = 500;

/** Partner associations, archived ones marked (a file may still name one); asked for once `load` is true. */
export function usePartnerOptions(load = true): Option[] {
  const { state } = useApiValue('partners.list', load ? { archived: 'all', limit: PARTNER_LIMIT } : null);
  return useMemo(
    () =>
      state.status === 'ready'
        ? state.value.items.map((partner) => ({ value: partner.id, label: partner.name, retired: partner.archivedAt !== null }))
        : [],
    [state],
  );
}
