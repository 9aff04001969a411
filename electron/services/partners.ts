import type { ParsedInputOf } from '../../shared/api';
import type { PartnerKind } from '../../shared/domain';
import type { Partner, PartnerPage, PartnerSummary } from '../../shared/partners';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import type { WriteDb } from '../db/handles';
import { type PartnerRow, createPartnerStore, insertPartner, setPartnerArchived, updatePartner } from '../store/partners';

/** Partner associations (*prescripteurs*), with their contacts and how many candidates they referred. */
export function createPartnerService(db: WriteDb, clock: Clock = systemClock) {
  const store = createPartnerStore(db);

  const toSummary = (row: Omit<PartnerSummary, 'kind'> & { kind: string }): PartnerSummary => ({ ...row, kind: row.kind as PartnerKind });

  function load(row: PartnerRow): Partner {
    const summary = store.summaryOf(row.id);
    return {
      ...toSummary(summary as NonNullable<typeof summary>),
      address: row.address,
      postalCode: row.postalCode,
      notes: row.notes,
      contacts: store.contactsOf(row.id),
      origin: row.origin,
      createdAt: row.createdAt,
    };
  }

  const get = (id: string) => load(store.find(id));

  return {
    get: ({ id }: { id: string }) => get(id),

    /** The partner and its contacts, in one transaction. */
    create({ contacts, ...columns }: ParsedInputOf<'partners.create'>): Partner {
      const id = newId();
      const { now } = moment(clock);
      insertPartner(db, { ...columns, id, createdAt: now, updatedAt: now }, contacts);
      return get(id);
    },

    /** Changes only the fields sent; `contacts`, when sent, replaces the list, in the same transaction. */
    update({ id, contacts, ...columns }: ParsedInputOf<'partners.update'>): Partner {
      store.find(id);
      updatePartner(db, id, { ...columns, updatedAt: moment(clock).now }, contacts);
      return get(id);
    },

    list(input: ParsedInputOf<'partners.list'>): PartnerPage {
      const { rows, total } = store.page(input);
      return { items: rows.map(toSummary), total };
    },

    archive: ({ id }: { id: string }) => load(setPartnerArchived(db, id, true, moment(clock).now)),
    restore: ({ id }: { id: string }) => load(setPartnerArchived(db, id, false, moment(clock).now)),
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
