import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { PartnerKind } from '../../shared/domain';
import type { Partner, PartnerPage, PartnerSummary } from '../../shared/partners';
import type { Db } from '../db/open';
import { candidates, partnerContacts, partners } from '../db/schema';
import { type Clock, newId, systemClock, moment } from '../core/clock';
import { recordWithContacts } from '../store/contacts';
import { archivedFilter } from '../store/records';
import { findRow, matchesSearch, setArchived } from '../store/records';

type PartnerRow = typeof partners.$inferSelect;

const NOT_FOUND = 'partners.errors.notFound';

const PARTNER_SORTS = {
  name: [partners.name],
  updated: [partners.updatedAt],
  created: [partners.createdAt],
} as const;

/** Partner associations (*prescripteurs*), with their contacts and how many candidates they referred. */
export function createPartnerService(db: Db, clock: Clock = systemClock) {
  const records = recordWithContacts(db, partners, partnerContacts, partnerContacts.partnerId, (partnerId, contact, position) => ({
    ...contact,
    partnerId,
    position,
  }));

  const summaryColumns = {
    id: partners.id,
    name: partners.name,
    kind: partners.kind,
    commune: partners.commune,
    phone: partners.phone,
    email: partners.email,
    referredCount: db.$count(candidates, and(eq(candidates.referralPartnerId, partners.id), isNull(candidates.archivedAt))),
    archivedAt: partners.archivedAt,
    updatedAt: partners.updatedAt,
  };

  const toSummary = (row: Omit<PartnerSummary, 'kind'> & { kind: string }): PartnerSummary => ({ ...row, kind: row.kind as PartnerKind });

  function load(row: PartnerRow): Partner {
    const summary = db.select(summaryColumns).from(partners).where(eq(partners.id, row.id)).get();
    return {
      ...toSummary(summary as NonNullable<typeof summary>),
      address: row.address,
      postalCode: row.postalCode,
      notes: row.notes,
      contacts: records.contactsOf(row.id),
      origin: row.origin,
      createdAt: row.createdAt,
    };
  }

  const get = (id: string) => load(findRow(db, partners, id, NOT_FOUND));

  return {
    get: ({ id }: { id: string }) => get(id),

    /** The partner and its contacts, in one transaction. */
    create({ contacts, ...columns }: ParsedInputOf<'partners.create'>): Partner {
      const id = newId();
      const { now } = moment(clock);
      records.insert({ ...columns, id, createdAt: now, updatedAt: now }, contacts);
      return get(id);
    },

    /** Changes only the fields sent; `contacts`, when sent, replaces the list, in the same transaction. */
    update({ id, contacts, ...columns }: ParsedInputOf<'partners.update'>): Partner {
      findRow(db, partners, id, NOT_FOUND);
      records.update(id, { ...columns, updatedAt: moment(clock).now }, contacts);
      return get(id);
    },

    list(input: ParsedInputOf<'partners.list'>): PartnerPage {
      const where = and(
        matchesSearch(partners.seq, 'partner_search', input.query),
        archivedFilter(partners.archivedAt, input.archived),
        input.kinds.length > 0 ? inArray(partners.kind, input.kinds) : undefined,
      );
      const direction = input.descending ? desc : asc;
      const rows = db
        .select(summaryColumns)
        .from(partners)
        .where(where)
        .orderBy(...PARTNER_SORTS[input.sort].map((column) => direction(column)), asc(partners.seq))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = db.select({ total: count() }).from(partners).where(where).get()?.total ?? 0;
      return { items: rows.map(toSummary), total };
    },

    archive: ({ id }: { id: string }) => load(setArchived(db, partners, id, true, moment(clock).now, NOT_FOUND)),
    restore: ({ id }: { id: string }) => load(setArchived(db, partners, id, false, moment(clock).now, NOT_FOUND)),
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
