import { type SQL, and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  type Barrier,
  type BarrierChange,
  type BarrierEvent,
  type Candidate,
  type CandidateFields,
  type CandidatePage,
  type CandidatePatch,
  barrierChanges,
  candidateConsistencyErrors,
  consentWithdrawn,
} from '../../shared/candidates';
import type { BarrierStatus, BarrierTheme } from '../../shared/domain';
import type { ParsedInputOf } from '../../shared/api';
import { refuse } from '../core/errors';
import type { Db } from '../db/open';
import {
  candidateBarrierEvents,
  candidateBarriers,
  candidateSectors,
  candidates,
  pairs,
  partners,
  sectors,
  timelineEvents,
  volunteers,
} from '../db/schema';
import { type Clock, newId, systemClock, moment } from '../core/clock';
import { type CandidateRow, candidateColumns, candidateSearch, inMatches, loadCandidates, toSummary, writeCandidateChildren } from '../store/candidates';
import { type Tx, archivedFilter, assertReferencesExist, findRow, setArchived } from '../store/records';

const NOT_FOUND = 'errors.candidateNotFound';

const SORT_COLUMNS = {
  name: [candidates.lastName, candidates.firstName],
  updated: [candidates.updatedAt],
  created: [candidates.createdAt],
  authorisation_expiry: [candidates.authorisationExpiry],
} as const;

/** Files without the sorted value go last, whatever the direction. */
const BLANKS_LAST = { authorisation_expiry: sql`${candidates.authorisationExpiry} IS NULL` } as const;

/** Up to this many matches, a search page reads them by rowid rather than walking a sorted index. */
const FEW_MATCHES = 2000;

/**
 * Logs, inside the write's transaction, what it changes in a file's barriers (nothing when the
 * barriers were not sent): one row per theme opened, updated, lifted, reopened or removed.
 */
function recordBarrierChanges(tx: Tx, candidateId: string, before: readonly Barrier[], after: readonly Barrier[] | undefined, author: string | null, now: string): void {
  if (after === undefined) return;
  const rows = barrierChanges(before, after).map(({ theme, change, barrier }) => ({
    id: newId(),
    candidateId,
    theme,
    change,
    status: barrier?.status ?? null,
    action: barrier?.action ?? null,
    changedOn: barrier?.changedOn ?? null,
    author,
    createdAt: now,
  }));
  if (rows.length > 0) tx.insert(candidateBarrierEvents).values(rows).run();
}

/** The consent a file holds before a write: none for a new file. */
type ConsentBefore = Pick<Candidate, 'consentContact' | 'consentWithdrawnOn' | 'sharingPartnerIds'>;
const NO_CONSENT: ConsentBefore = { consentContact: false, consentWithdrawnOn: null, sharingPartnerIds: [] };

/**
 * A withdrawal takes back what the person agreed to: recording it clears the contact and
 * sharing ticks (whatever the form still sent), and while it stands they cannot be ticked
 * again (the person agrees again: clear the withdrawal first). Returns the fields to write and
 * the note the person's history keeps of the change, written in the association's working
 * language like the other notes Tremplin writes itself (null when there is nothing to say).
 */
function applyConsentWithdrawal<Fields extends Partial<CandidateFields>>(
  db: Db,
  fields: Fields,
  before: ConsentBefore,
  today: string,
): { fields: Fields; note: { occurredAt: string; text: string } | null } {
  const after = { consentWithdrawnOn: fields.consentWithdrawnOn === undefined ? before.consentWithdrawnOn : fields.consentWithdrawnOn };
  if (!consentWithdrawn(after)) {
    return consentWithdrawn(before)
      ? { fields, note: { occurredAt: today, text: 'Retrait du consentement annulé : la personne a de nouveau donné son accord.' } }
      : { fields, note: null };
  }
  if (consentWithdrawn(before)) {
    const errors: Record<string, string> = {};
    if (fields.consentContact === true) errors.consentContact = 'validation.consentWithdrawnTicks';
    if ((fields.sharingPartnerIds ?? []).length > 0) errors.sharingPartnerIds = 'validation.consentWithdrawnTicks';
    if (Object.keys(errors).length > 0) refuse(errors);
    return { fields, note: null };
  }
  const contact = fields.consentContact ?? before.consentContact;
  const sharing = fields.sharingPartnerIds ?? before.sharingPartnerIds;
  const names = sharing.length === 0 ? [] : db.select({ name: partners.name }).from(partners).where(inArray(partners.id, sharing)).orderBy(asc(partners.name)).all();
  const cleared = [
    ...(contact ? ['accord pour être contacté(e)'] : []),
    ...(names.length > 0 ? [`partage avec ${names.map((partner) => partner.name).join(', ')}`] : []),
  ];
  const text = cleared.length > 0 ? `Consentement retiré. Retiré de la fiche : ${cleared.join(' ; ')}.` : 'Consentement retiré.';
  return {
    fields: { ...fields, consentContact: false, sharingPartnerIds: [] },
    note: { occurredAt: after.consentWithdrawnOn as string, text },
  };
}

export function createCandidateService(db: Db, clock: Clock = systemClock) {
  const todayPlus = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  const load = (row: CandidateRow): Candidate => loadCandidates(db, [row])[0] as Candidate;

  /** Links to other records must exist; checked before writing so the error names the field. */
  function checkReferences(fields: Partial<CandidateFields>) {
    assertReferencesExist(db, sectors, fields.sectorIds ?? [], 'sectorIds');
    assertReferencesExist(db, partners, [...(fields.sharingPartnerIds ?? []), null], 'sharingPartnerIds');
    assertReferencesExist(db, partners, [fields.referralPartnerId], 'referralPartnerId');
    assertReferencesExist(db, pairs, [fields.assignedPairId], 'assignedPairId');
    assertReferencesExist(db, volunteers, [fields.assignedVolunteerId], 'assignedVolunteerId');
  }

  function checkConsistency(candidate: Parameters<typeof candidateConsistencyErrors>[0]) {
    const errors = candidateConsistencyErrors(candidate);
    if (Object.keys(errors).length > 0) refuse(errors);
  }

  const get = (id: string): Candidate => load(findRow(db, candidates, id, NOT_FOUND));

  const barriersOf = (id: string): Barrier[] =>
    db
      .select({ theme: candidateBarriers.theme, status: candidateBarriers.status, action: candidateBarriers.action, changedOn: candidateBarriers.changedOn })
      .from(candidateBarriers)
      .where(eq(candidateBarriers.candidateId, id))
      .all() as Barrier[];
  /** A note Tremplin writes in the person's history, inside the write's transaction. */
  const addNote = (tx: Tx, candidateId: string, note: { occurredAt: string; text: string }, now: string) =>
    tx
      .insert(timelineEvents)
      .values({ id: newId(), subjectType: 'candidate', subjectId: candidateId, kind: 'note', ...note, author: null, createdAt: now, updatedAt: now })
      .run();

  /**
   * A search alone (what the list asks at each keystroke). The index knows which files are
   * archived, so the count is one query on it; the page then takes the way that suits how many
   * files match (measured at 100,000 files, 95,000 of them active):
   * - none: no page to read;
   * - up to a few thousand ("0612", "diallo"): the matches are read by rowid and sorted
   *   (≤ 1 ms, where walking the sorted index to find few matches costs 5 ms);
   * - most of the files ("06" matches 70%): the sorted index is walked and each file probed in
   *   the index until the page is full, about 100 probes (1.3 ms, where building the list of
   *   66,000 matches costs 9 ms);
   * - in between ("m", "07"): the list of matches is built once and the sorted index walked
   *   against it (2–4 ms).
   */
  function searchPage(input: ParsedInputOf<'candidates.list'>, match: string, orderBy: SQL[]): CandidatePage {
    const total = db.get<{ total: number }>(sql`SELECT count(*) AS total FROM candidate_search WHERE candidate_search MATCH ${match}`).total;
    if (total === 0 || input.offset >= total) return { items: [], total };
    const rows = db.get<{ rows: number | null }>(sql`SELECT max(${candidates.seq}) AS rows FROM ${candidates}`).rows ?? 0;
    const page = (where: SQL | undefined, order: SQL[]) =>
      db.select().from(candidates).where(where).orderBy(...order).limit(input.limit).offset(input.offset).all().map(toSummary);
    if (total <= FEW_MATCHES) {
      // The unary + keeps SQLite from walking a sorted index: the matches are looked up by rowid.
      return { items: page(inMatches(match), orderBy.map((term) => sql`+${term}`)), total };
    }
    const archived = archivedFilter(candidates.archivedAt, input.archived);
    if (total * 2 >= rows) {
      const probed = sql`EXISTS (SELECT 1 FROM candidate_search WHERE candidate_search.rowid = ${candidates.seq} AND candidate_search MATCH ${match})`;
      return { items: page(and(archived, probed), orderBy), total };
    }
    return { items: page(and(archived, inMatches(match)), orderBy), total };
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    /** Every change of the file's barriers, newest first. */
    barrierHistory({ id }: { id: string }): BarrierEvent[] {
      findRow(db, candidates, id, NOT_FOUND);
      return db
        .select()
        .from(candidateBarrierEvents)
        .where(eq(candidateBarrierEvents.candidateId, id))
        .orderBy(desc(candidateBarrierEvents.createdAt), desc(sql`rowid`))
        .all()
        .map((row) => {
          const theme = row.theme as BarrierTheme;
          const barrier = row.status === null ? null : { theme, status: row.status as BarrierStatus, action: row.action, changedOn: row.changedOn };
          return { id: row.id, theme, change: row.change as BarrierChange, barrier, author: row.author, createdAt: row.createdAt };
        });
    },

    create(fields: CandidateFields): Candidate {
      checkConsistency({
        authorisationStart: fields.authorisationStart ?? null,
        authorisationExpiry: fields.authorisationExpiry ?? null,
        consentDate: fields.consentDate ?? null,
        consentWithdrawnOn: fields.consentWithdrawnOn ?? null,
        birthDate: fields.birthDate ?? null,
        asylumRegisteredOn: fields.asylumRegisteredOn ?? null,
      });
      checkReferences(fields);
      const { now } = moment(clock);
      const id = newId();
      const consent = applyConsentWithdrawal(db, fields, NO_CONSENT, now.slice(0, 10));
      db.transaction((tx) => {
        tx.insert(candidates)
          .values({ ...candidateColumns(consent.fields), firstName: fields.firstName, lastName: fields.lastName, id, createdAt: now, updatedAt: now })
          .run();
        writeCandidateChildren(tx, [{ id, fields: consent.fields }]);
        recordBarrierChanges(tx, id, [], consent.fields.barriers, null, now);
        if (consent.note) addNote(tx, id, consent.note, now);
      });
      return get(id);
    },

    /** Changes only the fields sent; the whole file is checked again afterwards. */
    update({ id, author, ...sent }: CandidatePatch): Candidate {
      const current = findRow(db, candidates, id, NOT_FOUND);
      checkConsistency({ ...current, ...candidateColumns(sent) } as CandidateRow);
      checkReferences(sent);
      const { now } = moment(clock);
      const consent = applyConsentWithdrawal(db, sent, load(current), now.slice(0, 10));
      const patch = consent.fields;
      const barriersBefore = patch.barriers === undefined ? [] : barriersOf(id);
      db.transaction((tx) => {
        tx.update(candidates)
          .set({ ...candidateColumns(patch), updatedAt: now })
          .where(eq(candidates.id, id))
          .run();
        writeCandidateChildren(tx, [{ id, fields: patch }]);
        recordBarrierChanges(tx, id, barriersBefore, patch.barriers, author ?? null, now);
        if (consent.note) addNote(tx, id, consent.note, now);
      });
      return get(id);
    },

    list(input: ParsedInputOf<'candidates.list'>): CandidatePage {
      const direction = input.descending ? desc : asc;
      const orderBy = [
        ...(input.sort in BLANKS_LAST ? [BLANKS_LAST[input.sort as keyof typeof BLANKS_LAST]] : []),
        ...SORT_COLUMNS[input.sort].map((column) => direction(column)),
        asc(candidates.seq),
      ];
      const filters: SQL[] = [];
      if (input.statuses.length > 0) filters.push(inArray(candidates.status, input.statuses));
      if (input.frenchLevels.length > 0) filters.push(inArray(candidates.frenchLevel, input.frenchLevels));
      if (input.authorisationExpiringWithinDays !== undefined) {
        filters.push(lte(candidates.authorisationExpiry, todayPlus(input.authorisationExpiringWithinDays)));
      }
      if (input.pairId) filters.push(eq(candidates.assignedPairId, input.pairId));
      if (input.partnerId) filters.push(eq(candidates.referralPartnerId, input.partnerId));
      const match = candidateSearch(input.query, input.archived);
      if (match !== null && filters.length === 0 && !input.sectorId) return searchPage(input, match, orderBy);

      const conditions = [
        match === null ? undefined : inMatches(match),
        archivedFilter(candidates.archivedAt, input.archived),
        ...filters,
      ];
      // The sector filter is written twice on purpose (measured at 100,000 files): a page walks
      // the ordered index and probes each file's sectors (EXISTS: 2 ms, IN: 15 ms), while the
      // count stays on covering indexes when it matches seq against the sector's files
      // (26 ms, where the same EXISTS or IN fetches every row: 220-500 ms).
      const sectorId = input.sectorId;
      const inSectorForPage = sectorId
        ? sql`EXISTS (SELECT 1 FROM ${candidateSectors} WHERE ${candidateSectors.candidateId} = ${candidates.id} AND ${candidateSectors.sectorId} = ${sectorId})`
        : undefined;
      const inSectorForCount = sectorId
        ? sql`${candidates.seq} IN (SELECT c.seq FROM ${candidateSectors} JOIN ${candidates} c ON c.id = ${candidateSectors.candidateId} WHERE ${candidateSectors.sectorId} = ${sectorId})`
        : undefined;
      const items = db
        .select()
        .from(candidates)
        .where(and(...conditions, inSectorForPage))
        .orderBy(...orderBy)
        .limit(input.limit)
        .offset(input.offset)
        .all()
        .map(toSummary);
      const total = db.select({ total: count() }).from(candidates).where(and(...conditions, inSectorForCount)).get()?.total ?? 0;
      return { items, total };
    },

    archive: ({ id }: { id: string }) => load(setArchived(db, candidates, id, true, moment(clock).now, NOT_FOUND)),
    restore: ({ id }: { id: string }) => load(setArchived(db, candidates, id, false, moment(clock).now, NOT_FOUND)),
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;

