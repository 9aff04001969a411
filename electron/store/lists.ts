import { and, eq, inArray } from 'drizzle-orm';
import type { ReadDb } from '../db/handles';
import { candidates, partners } from '../db/schema';
import { inCandidateScope } from './scope';

/** What a list's export adds to the rows the list shows, when the person asks for more columns. */

export interface CandidateExportDetails {
  gender: string | null;
  nationality: string | null;
  secondPhone: string | null;
  address: string | null;
  postalCode: string | null;
  publicCategory: string | null;
  authorisationDocument: string | null;
  referralPartner: string | null;
  referredOn: string | null;
}

/** The details of one page of files (ids the scoped list gave; the scope is applied again). */
export function candidateExportDetails(db: ReadDb, ids: readonly string[]): Map<string, CandidateExportDetails> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({
      id: candidates.id,
      gender: candidates.gender,
      nationality: candidates.nationality,
      secondPhone: candidates.secondPhone,
      address: candidates.address,
      postalCode: candidates.postalCode,
      publicCategory: candidates.publicCategory,
      authorisationDocument: candidates.authorisationDocument,
      referralPartner: partners.name,
      referredOn: candidates.referredOn,
    })
    .from(candidates)
    .leftJoin(partners, eq(partners.id, candidates.referralPartnerId))
    .where(and(inArray(candidates.id, [...ids]), inCandidateScope(candidates.id)))
    .all();
  return new Map(rows.map(({ id, ...details }) => [id, details]));
}
