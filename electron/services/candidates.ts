import { type SQL, and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  type Barrier,
  type Candidate,
  type CandidateFields,
  type CandidatePage,
  type CandidatePatch,
  type CandidateSummary,
  candidateConsistencyErrors,
} from '../../shared/candidates';
import type { ParsedInputOf } from '../../shared/api';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { createRowWriter } from '../db/row-writer';
import {
  candidateBarriers,
  candidateSectors,
  candidateSharingConsents,
  candidates,
  pairs,
  partners,
  sectors,
  volunteers,
} from '../db/schema';
import { type Clock, newId, systemClock } from './clock';
import { toFtsQuery } from './search';
import { type Tx, archivedFilter, assertReferencesExist, findRow, matchesSearch, setArchived } from './records';

type CandidateRow = typeof candidates.$inferSelect;
type Enum<K extends keyof Candidate> = Candidate[K];
const NOT_FOUND = 'errors.candidateNotFound';

/** Fields kept in child tables rather than in the candidates row. */
const CHILD_FIELDS = ['sectorIds', 'sharingPartnerIds', 'barriers'] as const;

export function toSummary(row: CandidateRow): CandidateSummary {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    phone: row.phone,
    email: row.email,
    commune: row.commune,
    frenchLevel: row.frenchLevel as Enum<'frenchLevel'>,
    status: row.status as Enum<'status'>,
    authorisationExpiry: row.authorisationExpiry,
    archivedAt: row.archivedAt,
    updatedAt: row.updatedAt,
  };
}

const SORT_COLUMNS = {
  name: [candidates.lastName, candidates.firstName],
  updated: [candidates.updatedAt],
  created: [candidates.createdAt],
  authorisation_expiry: [candidates.authorisationExpiry],
} as const;

/** Files without the sorted value go last, whatever the direction. */
const BLANKS_LAST = { authorisation_expiry: sql`${candidates.authorisationExpiry} IS NULL` } as const;

type ChildFields = Partial<Pick<CandidateFields, (typeof CHILD_FIELDS)[number]>>;

/**
 * Writes the child tables (sectors, sharing consents, barriers) of one file or of thousands (an
 * import), for the fields sent: a field left out keeps its rows, a field sent replaces them.
 * One delete per 500 files, then inserts through statements prepared once.
 */
export function writeCandidateChildren(tx: Tx, files: readonly { id: string; fields: ChildFields }[]): void {
  const writer = createRowWriter(tx);
  function replace<Item, Table extends SQLiteTable>(
    table: Table,
    owner: SQLiteColumn,
    items: (fields: ChildFields) => readonly Item[] | undefined,
    row: (candidateId: string, item: Item) => Table['$inferInsert'],
  ) {
    const sent = files.filter((file) => items(file.fields) !== undefined);
    for (let start = 0; start < sent.length; start += 500) {
      tx.delete(table)
        .where(inArray(owner, sent.slice(start, start + 500).map((file) => file.id)))
        .run();
    }
    for (const file of sent) for (const item of items(file.fields) ?? []) writer.insert(table, row(file.id, item));
  }
  replace(candidateSectors, candidateSectors.candidateId, (fields) => fields.sectorIds, (candidateId, sectorId) => ({ candidateId, sectorId }));
  replace(candidateSharingConsents, candidateSharingConsents.candidateId, (fields) => fields.sharingPartnerIds, (candidateId, partnerId) => ({ candidateId, partnerId }));
  replace(candidateBarriers, candidateBarriers.candidateId, (fields) => fields.barriers, (candidateId, barrier) => ({ candidateId, ...barrier }));
}

/** The candidates row's columns among the fields sent (the child tables' fields left out). */
export function candidateColumns(fields: Partial<CandidateFields>): Partial<typeof candidates.$inferInsert> {
  const columns: Record<string, unknown> = { ...fields };
  for (const field of CHILD_FIELDS) delete columns[field];
  return columns as Partial<typeof candidates.$inferInsert>;
}

/** Rows of a child table for many files at once (a few queries per 500 files, never one per file). */
function childrenOf<Row extends { candidateId: string }>(ids: string[], read: (batch: string[]) => Row[]): Map<string, Row[]> {
  const byCandidate = new Map<string, Row[]>();
  for (let start = 0; start < ids.length; start += 500) {
    for (const row of read(ids.slice(start, start + 500))) {
      const list = byCandidate.get(row.candidateId);
      if (list) list.push(row);
      else byCandidate.set(row.candidateId, [row]);
    }
  }
  return byCandidate;
}

/** Whole files (with sectors, sharing consents and barriers) from their rows, in the rows' order. */
export function loadCandidates(db: Db, rows: CandidateRow[]): Candidate[] {
  const ids = rows.map((row) => row.id);
  const sectorLinks = childrenOf(ids, (batch) => db.select().from(candidateSectors).where(inArray(candidateSectors.candidateId, batch)).all());
  const consentLinks = childrenOf(ids, (batch) =>
    db.select().from(candidateSharingConsents).where(inArray(candidateSharingConsents.candidateId, batch)).all(),
  );
  const barrierRows = childrenOf(ids, (batch) =>
    db.select().from(candidateBarriers).where(inArray(candidateBarriers.candidateId, batch)).orderBy(asc(candidateBarriers.theme)).all(),
  );
  return rows.map((row) => {
    const { seq: _seq, lastContactOn: _lastContact, ...columns } = row;
    return {
      ...columns,
      gender: columns.gender as Enum<'gender'>,
      nationality: columns.nationality as Enum<'nationality'>,
      languages: columns.languages as Enum<'languages'>,
      publicCategory: columns.publicCategory as Enum<'publicCategory'>,
      status: columns.status as Enum<'status'>,
      frenchLevel: columns.frenchLevel as Enum<'frenchLevel'>,
      frenchLevelProof: columns.frenchLevelProof as Enum<'frenchLevelProof'>,
      authorisationDocument: columns.authorisationDocument as Enum<'authorisationDocument'>,
      mobility: columns.mobility as Enum<'mobility'>,
      consentMethod: columns.consentMethod as Enum<'consentMethod'>,
      sectorIds: (sectorLinks.get(row.id) ?? []).map((link) => link.sectorId),
      sharingPartnerIds: (consentLinks.get(row.id) ?? []).map((link) => link.partnerId),
      barriers: (barrierRows.get(row.id) ?? []).map(({ candidateId: _candidate, ...barrier }) => barrier as Barrier),
    };
  });
}

export function createCandidateService(db: Db, clock: Clock = systemClock) {
  const stamp = () => clock.now().toISOString();
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
    if (Object.keys(errors).length > 0) throw new AppError('validation', 'errors.validation', errors);
  }

  const get = (id: string): Candidate => load(findRow(db, candidates, id, NOT_FOUND));
  /**
   * How many files a search alone finds (what the list asks at each keystroke), counted from the
   * search index: every match, less the archived ones among them (a few thousand rows, reached
   * through the archived index). Probing each of 100,000 active files against the matches cost
   * 13 ms for one letter; this costs 6 ms.
   */
  function searchTotal(match: string, archived: 'active' | 'archived' | 'all'): number {
    const counted = (statement: SQL) => db.get<{ total: number }>(statement).total;
    const matches = sql`SELECT rowid FROM candidate_search WHERE candidate_search MATCH ${match}`;
    const all = archived === 'archived' ? 0 : counted(sql`SELECT count(*) AS total FROM candidate_search WHERE candidate_search MATCH ${match}`);
    if (archived === 'all') return all;
    // The unary + keeps SQLite from driving this count by the matches' rowids.
    const archivedMatches = counted(sql`SELECT count(*) AS total FROM ${candidates} WHERE ${candidates.archivedAt} IS NOT NULL AND +${candidates.seq} IN (${matches})`);
    return archived === 'active' ? all - archivedMatches : archivedMatches;
  }

  return {
    get: ({ id }: { id: string }) => get(id),

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
      const now = stamp();
      const id = newId();
      db.transaction((tx) => {
        tx.insert(candidates)
          .values({ ...candidateColumns(fields), firstName: fields.firstName, lastName: fields.lastName, id, createdAt: now, updatedAt: now })
          .run();
        writeCandidateChildren(tx, [{ id, fields }]);
      });
      return get(id);
    },

    /** Changes only the fields sent; the whole file is checked again afterwards. */
    update({ id, ...patch }: CandidatePatch): Candidate {
      const current = findRow(db, candidates, id, NOT_FOUND);
      checkConsistency({ ...current, ...candidateColumns(patch) } as CandidateRow);
      checkReferences(patch);
      db.transaction((tx) => {
        tx.update(candidates)
          .set({ ...candidateColumns(patch), updatedAt: stamp() })
          .where(eq(candidates.id, id))
          .run();
        writeCandidateChildren(tx, [{ id, fields: patch }]);
      });
      return get(id);
    },

    list(input: ParsedInputOf<'candidates.list'>): CandidatePage {
      const conditions: (SQL | undefined)[] = [matchesSearch(candidates.seq, 'candidate_search', input.query)];
      conditions.push(archivedFilter(candidates.archivedAt, input.archived));
      if (input.statuses.length > 0) conditions.push(inArray(candidates.status, input.statuses));
      if (input.frenchLevels.length > 0) conditions.push(inArray(candidates.frenchLevel, input.frenchLevels));
      if (input.authorisationExpiringWithinDays !== undefined) {
        conditions.push(lte(candidates.authorisationExpiry, todayPlus(input.authorisationExpiringWithinDays)));
      }
      if (input.pairId) conditions.push(eq(candidates.assignedPairId, input.pairId));
      if (input.partnerId) conditions.push(eq(candidates.referralPartnerId, input.partnerId));
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
      const direction = input.descending ? desc : asc;
      const items = db
        .select()
        .from(candidates)
        .where(and(...conditions, inSectorForPage))
        .orderBy(
          ...(input.sort in BLANKS_LAST ? [BLANKS_LAST[input.sort as keyof typeof BLANKS_LAST]] : []),
          ...SORT_COLUMNS[input.sort].map((column) => direction(column)),
          asc(candidates.seq),
        )
        .limit(input.limit)
        .offset(input.offset)
        .all()
        .map(toSummary);
      // Only the search and the archive filter: counted from the search index.
      const searchMatch = toFtsQuery(input.query);
      const total =
        searchMatch !== null && conditions.length === 2 && !sectorId
        ? searchTotal(searchMatch, input.archived)
        : (db.select({ total: count() }).from(candidates).where(and(...conditions, inSectorForCount)).get()?.total ?? 0);
      return { items, total };
    },

    archive: ({ id }: { id: string }) => load(setArchived(db, candidates, id, true, stamp(), NOT_FOUND)),
    restore: ({ id }: { id: string }) => load(setArchived(db, candidates, id, false, stamp(), NOT_FOUND)),
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;

