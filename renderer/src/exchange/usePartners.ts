import type { PartnerSummary } from '../../../shared/partners';
import { useApiValue } from '../ui/useApiValue';

/** The most partners one listing returns; associations work with a few dozen. */
const PARTNERS_SHOWN = 500;

/** Our partner records (not archived), by name: what cards are linked to and passphrase files sent for. */
export function usePartners(): { partners: PartnerSummary[]; nameOf(id: string | null): string | null } {
  const { state } = useApiValue('partners.list', { limit: PARTNERS_SHOWN });
  const partners = state.status === 'ready' ? state.value.items : [];
  return { partners, nameOf: (id) => partners.find((partner) => partner.id === id)?.name ?? null };
}
