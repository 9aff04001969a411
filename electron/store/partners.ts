import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { ReadDb, WriteDb } from '../db/handles';
import { candidates, partnerContacts, partners } from '../db/schema';
import { recordWithContacts } from './contacts';
import { archivedFilter, findRow, matchesSearch, setArchived } from './records';

/** Partner associations, their contacts, and how many candidates each referred. */

export type PartnerRow = typeof partners.$inferSelect;

const NOT_FOUND = 'partners.errors.notFound';

const PARTNER_SORTS = {
  name: [partners.name],
  updated: [partners.updatedAt],
  created: [partners.createdAt],
} as const;

/** The row, or a not_found refusal in the caller's words. */
export const findPartner = (db: ReadDb, id: string, notFoundKey: string): PartnerRow => findRow(db, partners, id, notFoundKey);

/** The partners' names, in alphabetical order. */
export function partnerNamesOf(db: ReadDb, ids: readonly string[]): string[] {
  return db
    .select({ name: partners.name })
    .from(partners)
    .where(inArray(partners.id, [...ids]))
    .orderBy(asc(partners.name))
    .all()
    .map((row) => row.name);
}

const partnerRecords = recordWithContacts(partners, partnerContacts, partnerContacts.partnerId, (partnerId, contact, position) => ({
  ...contact,
  partnerId,
  position,
}));

/** The partner and its contacts, in one transaction. */
export const insertPartner = partnerRecords.insert;
/** The columns sent and, when sent, the contacts, in one transaction. */
export const updatePartner = partnerRecords.update;
/** Replaces a partner's contacts inside the caller's transaction (ids as given). */
export const writePartnerContacts = partnerRecords.writeContacts;

export const setPartnerArchived = (db: WriteDb, id: string, archived: boolean, now: string): PartnerRow => setArchived(db, partners, id, archived, now, NOT_FOUND);

export function createPartnerStore(db: ReadDb) {

  const columns = {
    id: partners.id,
    name: partners.name,
    kind: partners.kind,
    commune: partners.commune,
    phone: partners.phone,
    email: partners.email,
    archivedAt: partners.archivedAt,
    updatedAt: partners.updatedAt,
  };
  /** One partner's summary: its files counted through the referral index, a thousand rows at most. */
  const summaryColumns = { ...columns, referredCount: db.$count(candidates, and(eq(candidates.referralPartnerId, partners.id), isNull(candidates.archivedAt))) };

  /**
   * The list's counts: the files each partner referred, less the archived ones, each one grouped
   * pass. Every referred file is counted from the referral index, in its order (no sort, the
   * index alone: 29 ms at 100,000 files); the archived ones (5,000 there) from the report's
   * covering index, `+` keeping SQLite off the referral index, which would read their rows.
   * Counted per partner as the summary does, the list read every referred file's row, 100,000
   * at 100,000 files: 650 ms; one grouped pass over the files not archived sorted 95,000 index
   * entries into its groups: 350 ms; these two passes: 33 ms for the whole list, under load.
   * query-plans.test.ts pins the plan.
   */
  const referred = db
    .select({ partnerId: candidates.referralPartnerId, total: count().as('referred_total') })
    .from(candidates)
    .where(isNotNull(candidates.referralPartnerId))
    .groupBy(candidates.referralPartnerId)
    .as('referred');
  const archivedReferred = db
    .select({ partnerId: candidates.referralPartnerId, total: count().as('archived_total') })
    .from(candidates)
    .where(sql`+${candidates.referralPartnerId} IS NOT NULL AND ${candidates.archivedAt} IS NOT NULL`)
    .groupBy(sql`+${candidates.referralPartnerId}`)
    .as('archived_referred');

  return {
    /** The row, or a not_found refusal. */
    find: (id: string): PartnerRow => findPartner(db, id, NOT_FOUND),
    summaryOf: (id: string) => db.select(summaryColumns).from(partners).where(eq(partners.id, id)).get(),
    contactsOf: (id: string) => partnerRecords.contactsOf(db, id),

    page(input: ParsedInputOf<'partners.list'>) {
      const where = and(
        matchesSearch(partners.seq, 'partner_search', input.query),
        archivedFilter(partners.archivedAt, input.archived),
        input.kinds.length > 0 ? inArray(partners.kind, input.kinds) : undefined,
      );
      const direction = input.descending ? desc : asc;
      const rows = db
        .select({ ...columns, referredCount: sql<number>`coalesce(${referred.total}, 0) - coalesce(${archivedReferred.total}, 0)` })
        .from(partners)
        .leftJoin(referred, eq(referred.partnerId, partners.id))
        .leftJoin(archivedReferred, eq(archivedReferred.partnerId, partners.id))
        .where(where)
        .orderBy(...PARTNER_SORTS[input.sort].map((column) => direction(column)), asc(partners.seq))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = db.select({ total: count() }).from(partners).where(where).get()?.total ?? 0;
      return { rows, total };
    },
  };
}
