import { groupBy } from '../core/collections';
import { type SQL, and, asc, count, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/api';
import { type Barrier, type Candidate, type CandidateFields, type CandidatePage, type CandidateSummary, barrierChanges } from '../../shared/candidates';
import { newId } from '../core/clock';
import { type ReadDb, type WriteDb, prepareRead } from '../db/handles';
import { createRowWriter } from '../db/row-writer';
import {
  candidateBarrierEvents,
  candidateBarriers,
  candidateProgrammes,
  candidateSectors,
  candidateSharingConsents,
  candidates,
  pairs,
  partners,
  sectors,
  timelineEvents,
  volunteers,
} from '../db/schema';
import { archivedFilter, assertReferencesExist, findRow, setArchived } from './records';
import { healthNoteVisible, inCandidateScope } from './scope';
import { toFtsQuery } from './search';

/**
 * The candidates' files: reading them whole with their child tables (sectors, sharing consents,
 * barriers), writing them with the barriers' history and Tremplin's notes, and the list's pages
 * through the search index.
 */

export type CandidateRow = typeof candidates.$inferSelect;
type Enum<K extends keyof Candidate> = Candidate[K];

/** Fields kept in child tables rather than in the candidates row. */
const CHILD_FIELDS = ['sectorIds', 'sharingPartnerIds', 'barriers'] as const;

/** What a duplicate check compares of a file: its names and the keys it is found by. */
const DUPLICATE_KEY_COLUMNS = {
  id: candidates.id,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  otherNames: candidates.otherNames,
  birthDate: candidates.birthDate,
  phone: candidates.phone,
  secondPhone: candidates.secondPhone,
  email: candidates.email,
};
export type DuplicateKeyRow = Pick<CandidateRow, keyof typeof DUPLICATE_KEY_COLUMNS>;

/** What a list or a duplicate check reads of a file: its summary, and the names and keys a duplicate check compares. */
const SUMMARY_COLUMNS = {
  ...DUPLICATE_KEY_COLUMNS,
  commune: candidates.commune,
  frenchLevel: candidates.frenchLevel,
  status: candidates.status,
  authorisationExpiry: candidates.authorisationExpiry,
  archivedAt: candidates.archivedAt,
  updatedAt: candidates.updatedAt,
  consentContact: candidates.consentContact,
  consentWithdrawnOn: candidates.consentWithdrawnOn,
  restrictedAt: candidates.restrictedAt,
};
export type CandidateSummaryRow = Pick<CandidateRow, keyof typeof SUMMARY_COLUMNS>;

export function toSummary(row: CandidateSummaryRow): CandidateSummary {
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
    consentContact: row.consentContact,
    consentWithdrawnOn: row.consentWithdrawnOn,
    restrictedAt: row.restrictedAt,
  };
}

/**
 * What a person typed, as a query on the candidates' index: the words in the names and contact
 * columns only (so that typing "archived" does not match the state column), limited to the
 * files of the archive filter.
 */
export function candidateSearch(query: string, archived: 'active' | 'archived' | 'all'): string | null {
  const terms = toFtsQuery(query);
  if (terms === null) return null;
  const inFiles = `{names contact} : (${terms})`;
  if (archived === 'all') return inFiles;
  return archived === 'archived' ? `${inFiles} AND state : archived` : `${inFiles} NOT state : archived`;
}

/** The files the index finds for a query built by candidateSearch. */
export const inMatches = (match: string) => sql`${candidates.seq} IN (SELECT rowid FROM candidate_search WHERE candidate_search MATCH ${match})`;

type ChildFields = Partial<Pick<CandidateFields, (typeof CHILD_FIELDS)[number]>>;

/**
 * Writes the child tables (sectors, sharing consents, barriers) of one file or of thousands (an
 * import), for the fields sent: a field left out keeps its rows, a field sent replaces them.
 * One delete per 500 files, then inserts of up to 100 rows each.
 */
export function writeCandidateChildren(tx: WriteDb, files: readonly { id: string; fields: ChildFields }[]): void {
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
    writer.insertAll(
      table,
      sent.flatMap((file) => (items(file.fields) ?? []).map((item) => row(file.id, item))),
    );
  }
  replace(candidateSectors, candidateSectors.candidateId, (fields) => fields.sectorIds, (candidateId, sectorId) => ({ candidateId, sectorId }));
  replace(candidateSharingConsents, candidateSharingConsents.candidateId, (fields) => fields.sharingPartnerIds, (candidateId, partnerId) => ({ candidateId, partnerId }));
  replace(candidateBarriers, candidateBarriers.candidateId, (fields) => fields.barriers, (candidateId, barrier) => ({ candidateId, ...barrier }));
}

/** What a write sets: the fields sent, and the consent stamps the service works out. */
export type CandidateWrite = Partial<CandidateFields> & { consentRecordingWithdrawnOn?: string | null };

/** The candidates row's columns among the fields sent (the child tables' fields left out). */
export function candidateColumns(fields: CandidateWrite): Partial<typeof candidates.$inferInsert> {
  const columns: Record<string, unknown> = { ...fields };
  for (const field of CHILD_FIELDS) delete columns[field];
  return columns as Partial<typeof candidates.$inferInsert>;
}

/** Rows of a child table for many files at once, by file. */
const byCandidate = <Row extends { candidateId: string }>(rows: Row[]): Map<string, Row[]> => groupBy(rows, (row) => row.candidateId);

/** A health barrier's note, for a caller who may not read it (see healthNoteVisible): kept out. */
function withoutHealthNote<Row extends { theme: string; action: string | null }>(row: Row, visible: boolean): Row {
  return visible || row.theme !== 'health' ? row : { ...row, action: null };
}

/** Whole files (with sectors, sharing consents and barriers) from their rows, in the rows' order. */
export function loadCandidates(db: ReadDb, rows: CandidateRow[]): Candidate[] {
  const ids = rows.map((row) => row.id);
  // One statement per child table over the ids as a JSON array: building drizzle's query for
  // each 500 ids (a parameter each) cost more than reading the rows.
  const among = (column: SQLiteColumn) => sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
  const sectorLinks = byCandidate(db.select().from(candidateSectors).where(among(candidateSectors.candidateId)).all());
  const consentLinks = byCandidate(db.select().from(candidateSharingConsents).where(among(candidateSharingConsents.candidateId)).all());
  const barrierRows = byCandidate(db.select().from(candidateBarriers).where(among(candidateBarriers.candidateId)).orderBy(asc(candidateBarriers.theme)).all());
  return rows.map((row) => {
    const { seq: _seq, lastContactOn: _lastContact, retentionKeptOn: _kept, anonymisedAt: _anonymised, ...columns } = row;
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
      consentTextVersion: columns.consentTextVersion as Enum<'consentTextVersion'>,
      restrictionReason: columns.restrictionReason as Enum<'restrictionReason'>,
      sectorIds: (sectorLinks.get(row.id) ?? []).map((link) => link.sectorId),
      sharingPartnerIds: (consentLinks.get(row.id) ?? []).map((link) => link.partnerId),
      barriers: (barrierRows.get(row.id) ?? []).map(
        ({ candidateId: _candidate, ...barrier }) => withoutHealthNote(barrier, healthNoteVisible(db, row.id)) as Barrier,
      ),
    };
  });
}


const NOT_FOUND = 'candidates.errors.notFound';

/** The row, or a not_found refusal. */
export const findCandidate = (db: ReadDb, id: string): CandidateRow => findRow(db, candidates, id, NOT_FOUND);

export const setCandidateArchived = (db: WriteDb, id: string, archived: boolean, now: string): CandidateRow => setArchived(db, candidates, id, archived, now, NOT_FOUND);

/** The row, undefined when there is none with this id (for callers that refuse in their own words). */
export const candidateById = (db: ReadDb, id: string): CandidateRow | undefined =>
  db.select().from(candidates).where(and(eq(candidates.id, id), inCandidateScope(candidates.id))).get();

/**
 * Freezes a file (art. 18) or lifts its restriction, nothing else on the row: while it is
 * frozen, migration 0013's triggers refuse any other write about the person.
 */
export function setRestriction(db: WriteDb, id: string, restriction: { at: string; reason: string; by: string | null } | null): void {
  db.update(candidates)
    .set(restriction ? { restrictedAt: restriction.at, restrictionReason: restriction.reason, restrictedBy: restriction.by } : { restrictedAt: null, restrictionReason: null, restrictedBy: null })
    .where(eq(candidates.id, id))
    .run();
}

/** Sets the person's status to employed; whether it changed (it may have been already). */
export function markEmployed(db: WriteDb, id: string, now: string): boolean {
  return db
    .update(candidates)
    .set({ status: 'employed', updatedAt: now })
    .where(and(eq(candidates.id, id), ne(candidates.status, 'employed')))
    .run().changes > 0;
}

/** "Hélène Dupont", as the screens write a candidate's name. */
export const candidateName: SQL<string> = sql<string>`${candidates.firstName} || ' ' || ${candidates.lastName}`;

/** What the work-authorisation rule reads of a file: its document, as the file has it. */
export function authorisationOf(db: ReadDb, id: string) {
  return db
    .select({
      authorisationDocument: candidates.authorisationDocument,
      authorisationStart: candidates.authorisationStart,
      authorisationExpiry: candidates.authorisationExpiry,
      employerMustApply: candidates.employerMustApply,
      asylumRegisteredOn: candidates.asylumRegisteredOn,
    })
    .from(candidates)
    .where(eq(candidates.id, id))
    .get();
}

/** Links to other records must exist; checked before writing so the error names the field. */
export function assertCandidateReferencesExist(db: ReadDb, fields: Partial<CandidateFields>): void {
  assertReferencesExist(db, sectors, fields.sectorIds ?? [], 'sectorIds');
  assertReferencesExist(db, partners, [...(fields.sharingPartnerIds ?? []), null], 'sharingPartnerIds');
  assertReferencesExist(db, partners, [fields.referralPartnerId], 'referralPartnerId');
  assertReferencesExist(db, pairs, [fields.assignedPairId], 'assignedPairId');
  assertReferencesExist(db, volunteers, [fields.assignedVolunteerId], 'assignedVolunteerId');
}

/** Refuses, as a validation error on candidateId, an id that points to no file. */
export const assertCandidateExists = (db: ReadDb, id: string): void => assertReferencesExist(db, candidates, [id], 'candidateId');

export const barriersOf = (db: ReadDb, id: string): Barrier[] =>
  db
    .select({ theme: candidateBarriers.theme, status: candidateBarriers.status, action: candidateBarriers.action, changedOn: candidateBarriers.changedOn })
    .from(candidateBarriers)
    .where(eq(candidateBarriers.candidateId, id))
    .all() as Barrier[];

/** Every change of the file's barriers, newest first (the health notes only for who may read them). */
export function barrierEventsOf(db: ReadDb, id: string): (typeof candidateBarrierEvents.$inferSelect)[] {
  const visible = healthNoteVisible(db, id);
  return db
    .select()
    .from(candidateBarrierEvents)
    .where(eq(candidateBarrierEvents.candidateId, id))
    .orderBy(desc(candidateBarrierEvents.createdAt), desc(sql`rowid`))
    .all()
    .map((row) => withoutHealthNote(row, visible));
}

/**
 * Logs, inside the write's transaction, what it changes in a file's barriers (nothing when the
 * barriers were not sent): one row per theme opened, updated, lifted, reopened or removed.
 */
function recordBarrierChanges(tx: WriteDb, candidateId: string, before: readonly Barrier[], after: readonly Barrier[] | undefined, author: string | null, now: string): void {
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

/** A note Tremplin writes in the person's history, inside the write's transaction. */
const addNote = (tx: WriteDb, candidateId: string, note: CandidateNote, now: string) =>
  tx
    .insert(timelineEvents)
    .values({ id: newId(), subjectType: 'candidate', subjectId: candidateId, kind: 'note', ...note, author: null, createdAt: now, updatedAt: now })
    .run();

export interface CandidateNote {
  occurredAt: string;
  text: string;
}

/** A new file with its child tables, the barriers it opens and Tremplin's note, in one transaction. */
export function insertCandidate(db: WriteDb, { id, fields, note, now }: { id: string; fields: CandidateFields & CandidateWrite; note: CandidateNote | null; now: string }): void {
  db.transaction((tx) => {
    tx.insert(candidates)
      .values({ ...candidateColumns(fields), firstName: fields.firstName, lastName: fields.lastName, id, createdAt: now, updatedAt: now })
      .run();
    writeCandidateChildren(tx, [{ id, fields }]);
    recordBarrierChanges(tx, id, [], fields.barriers, null, now);
    if (note) addNote(tx, id, note, now);
  });
}

/**
 * Many new files in one transaction (a spreadsheet import): 100 rows per statement through
 * statements prepared once, where `insertCandidate` one by one builds each query with drizzle
 * (10,000 files took 14 ms each that way on a loaded 2-core machine).
 */
export function insertCandidates(db: WriteDb, files: readonly { id: string; fields: CandidateFields; note: CandidateNote | null }[], now: string): void {
  db.transaction((tx) => {
    createRowWriter(tx).insertAll(
      candidates,
      files.map(({ id, fields }) => ({ ...candidateColumns(fields), firstName: fields.firstName, lastName: fields.lastName, id, createdAt: now, updatedAt: now })),
    );
    writeCandidateChildren(tx, files);
    for (const { id, fields, note } of files) {
      if (fields.barriers?.length) recordBarrierChanges(tx, id, [], fields.barriers, null, now);
      if (note) addNote(tx, id, note, now);
    }
  });
}

/** The fields sent, the barriers' changes from `barriersBefore` and Tremplin's note, in one transaction. */
export function updateCandidate(
  db: WriteDb,
  { id, patch, barriersBefore, author, note, now }: { id: string; patch: CandidateWrite; barriersBefore: readonly Barrier[]; author: string | null; note: CandidateNote | null; now: string },
): void {
  db.transaction((tx) => {
    tx.update(candidates)
      .set({ ...candidateColumns(patch), updatedAt: now })
      .where(eq(candidates.id, id))
      .run();
    writeCandidateChildren(tx, [{ id, fields: patch }]);
    recordBarrierChanges(tx, id, barriersBefore, patch.barriers, author, now);
    if (note) addNote(tx, id, note, now);
  });
}

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
function searchPage(db: ReadDb, input: ParsedInputOf<'candidates.list'>, match: string, orderBy: SQL[]): CandidatePage {
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

/**
 * "The file is in this sector (or programme)", written twice on purpose (measured at 100,000
 * files): a page walks the ordered index and probes each file's memberships (EXISTS: 2 ms, IN:
 * 15 ms), while the count stays on covering indexes when it matches seq against the group's
 * files (26 ms, where the same EXISTS or IN fetches every row: 220-500 ms).
 */
function membershipFilter(table: SQLiteTable, candidateId: SQLiteColumn, groupId: SQLiteColumn, value: string) {
  return {
    page: sql`EXISTS (SELECT 1 FROM ${table} WHERE ${candidateId} = ${candidates.id} AND ${groupId} = ${value})`,
    count: sql`${candidates.seq} IN (SELECT c.seq FROM ${table} JOIN ${candidates} c ON c.id = ${candidateId} WHERE ${groupId} = ${value})`,
  };
}

/** The order and conditions of the list; `authorisationExpiringBy` is the last day of the expiry filter, when it is set. */
function listQuery(input: Omit<ParsedInputOf<'candidates.list'>, 'limit' | 'offset'>, authorisationExpiringBy: string | undefined) {
  const direction = input.descending ? desc : asc;
  const orderBy = [
    ...(input.sort in BLANKS_LAST ? [BLANKS_LAST[input.sort as keyof typeof BLANKS_LAST]] : []),
    ...SORT_COLUMNS[input.sort].map((column) => direction(column)),
    asc(candidates.seq),
  ];
  const archived = archivedFilter(candidates.archivedAt, input.archived);
  const filters: SQL[] = [];
  const levels = and(
    input.statuses.length > 0 ? inArray(candidates.status, input.statuses) : undefined,
    input.frenchLevels.length > 0 ? inArray(candidates.frenchLevel, input.frenchLevels) : undefined,
  );
  if (input.pairId) filters.push(eq(candidates.assignedPairId, input.pairId));
  if (input.partnerId) filters.push(eq(candidates.referralPartnerId, input.partnerId));
  const scope = inCandidateScope(candidates.id);
  if (scope) filters.push(scope);
  const match = candidateSearch(input.query, input.archived);
  const conditions = [match === null ? undefined : inMatches(match), archived, ...filters];
  // The states and levels, and the expiry, written so that neither the page nor the count reads
  // the table's rows beyond the page's (measured at 100,000 files): they fetched nearly every row
  // (49 MB of encrypted pages), 160-240 ms of CPU once the page cache no longer held the table
  // whole. The states and levels are counted from the report's index, which holds them (16 ms),
  // where candidates_status_idx fetched each row for its level; with a search, its few matches are
  // fetched instead (the index read whole would cost more). The page is given the expiring files
  // from their index and walks the name's: tested in the condition, the expiry drew SQLite to its
  // index, and every expiring row was read and sorted by name (with a bound date SQLite cannot
  // tell how many rows that is).
  const expiry = authorisationExpiringBy === undefined ? undefined : lte(candidates.authorisationExpiry, authorisationExpiringBy);
  const expiring = expiry && sql`${candidates.seq} IN (SELECT seq FROM ${candidates} WHERE ${and(archived, expiry)})`;
  const countedLevels = levels && match !== null ? levels : levels && sql`${candidates.seq} IN (SELECT seq FROM ${candidates} INDEXED BY candidates_report_idx WHERE ${levels})`;
  const sector = input.sectorId ? membershipFilter(candidateSectors, candidateSectors.candidateId, candidateSectors.sectorId, input.sectorId) : undefined;
  const programme = input.programmeId
    ? membershipFilter(candidateProgrammes, candidateProgrammes.candidateId, candidateProgrammes.programmeId, input.programmeId)
    : undefined;
  return {
    orderBy,
    match,
    searchAlone: match !== null && filters.length === 0 && !levels && !expiry && !sector && !programme,
    pageWhere: and(...conditions, levels, expiring, sector?.page, programme?.page),
    countWhere: and(...conditions, countedLevels, expiry, sector?.count, programme?.count),
  };
}

/** A page of the list; `authorisationExpiringBy` is the last day of the expiry filter, when it is set. */
export function candidatePage(db: ReadDb, input: ParsedInputOf<'candidates.list'>, authorisationExpiringBy: string | undefined): CandidatePage {
  const { orderBy, match, searchAlone, pageWhere, countWhere } = listQuery(input, authorisationExpiringBy);
  if (searchAlone && match !== null) return searchPage(db, input, match, orderBy);
  const items = db.select().from(candidates).where(pageWhere).orderBy(...orderBy).limit(input.limit).offset(input.offset).all().map(toSummary);
  const total = db.select({ total: count() }).from(candidates).where(countWhere).get()?.total ?? 0;
  return { items, total };
}

/**
 * Every file of the list, in its order, `size` at a time (an export): the order is read once,
 * as row numbers, then each page by its numbers. Pages by offset would read again, for each
 * page, every row before it (at 100,000 files, 200 pages read 10 million rows).
 */
export function* candidatePagesInOrder(
  db: ReadDb,
  input: Omit<ParsedInputOf<'candidates.list'>, 'limit' | 'offset'>,
  authorisationExpiringBy: string | undefined,
  size: number,
): Generator<CandidateSummary[]> {
  const { orderBy, pageWhere } = listQuery(input, authorisationExpiringBy);
  const order = db.select({ seq: candidates.seq }).from(candidates).where(pageWhere).orderBy(...orderBy).all().map((row) => row.seq);
  for (let start = 0; start < order.length; start += size) {
    const wanted = order.slice(start, start + size);
    // The summary's columns only: the whole row (JSON columns parsed) was a fifth of an export of 100,000 files.
    const rows = new Map(
      db
        .select({ ...SUMMARY_COLUMNS, seq: candidates.seq })
        .from(candidates)
        .where(inArray(candidates.seq, wanted))
        .all()
        .map((row) => [row.seq, row]),
    );
    // A file deleted meanwhile is no longer there to write out.
    yield wanted.flatMap((seq) => {
      const row = rows.get(seq);
      return row ? [toSummary(row)] : [];
    });
  }
}

const VALUES_PER_QUERY = 500;

const SAME = {
  birthDate: (values: string[]) => inArray(candidates.birthDate, values),
  phone: (values: string[]) => or(inArray(candidates.phone, values), inArray(candidates.secondPhone, values)),
  email: (values: string[]) => inArray(candidates.email, values),
} as const;

/** The files a duplicate check may name: merged and anonymised ones left out (an anonymised file keeps its year and month of birth, for the reports: no duplicate of anyone). */
const mayBeDuplicate = () => and(isNull(candidates.mergedIntoId), isNull(candidates.anonymisedAt), inCandidateScope(candidates.id));

/** Files (merged ones left out) with one of these birth dates, phones (first or second) or e-mails, 500 values a query. */
export function unmergedCandidatesWith(db: ReadDb, field: keyof typeof SAME, values: readonly string[]): CandidateSummaryRow[] {
  const rows: CandidateSummaryRow[] = [];
  const distinct = [...new Set(values)];
  for (let start = 0; start < distinct.length; start += VALUES_PER_QUERY) {
    rows.push(
      ...db
        .select(SUMMARY_COLUMNS)
        .from(candidates)
        .where(and(SAME[field](distinct.slice(start, start + VALUES_PER_QUERY)), mayBeDuplicate()))
        .all(),
    );
  }
  return rows;
}

/**
 * The keys of every file a duplicate check may name, in one pass: what an import checks its
 * thousands of rows against, where queries by value walk an index and fetch the files one by one
 * (10,000 rows of birth dates fetched half of 100,000 files that way, in 25 s under load). Read
 * from candidates_duplicate_keys_idx (0020), which holds these columns only: at 100,000 files
 * about 250 ms of CPU against 800 ms for the summaries from the table, which only the files found
 * need (candidateSummaries).
 */
export function everyDuplicateKeyRow(db: ReadDb): DuplicateKeyRow[] {
  // Read as SQLite gives them and made rows here, where drizzle maps each of the 800,000 cells
  // one by one. The columns come in the order DUPLICATE_KEY_COLUMNS names them; the other names are JSON.
  const keys = Object.keys(DUPLICATE_KEY_COLUMNS) as (keyof DuplicateKeyRow)[];
  const query = db.select(DUPLICATE_KEY_COLUMNS).from(candidates).where(mayBeDuplicate()).toSQL();
  // Named: without statistics SQLite prefers an index searched by one flag (retention's) and then every row of the table.
  const text = query.sql.replace('from "candidates"', 'from "candidates" INDEXED BY candidates_duplicate_keys_idx');
  if (text === query.sql) throw new Error('the duplicate keys query no longer reads from "candidates"');
  return (prepareRead(db, text).raw().all(...query.params) as unknown[][])
    .map((values) => {
      const row = {} as Record<keyof DuplicateKeyRow, unknown>;
      keys.forEach((key, index) => {
        row[key] = values[index];
      });
      row.otherNames = row.otherNames === '[]' ? [] : JSON.parse(String(row.otherNames));
      return row as DuplicateKeyRow;
    });
}

/** The summaries of these files, 500 a query. */
export function candidateSummaries(db: ReadDb, ids: readonly string[]): CandidateSummaryRow[] {
  const rows: CandidateSummaryRow[] = [];
  for (let start = 0; start < ids.length; start += VALUES_PER_QUERY) {
    rows.push(...db.select(SUMMARY_COLUMNS).from(candidates).where(inArray(candidates.id, ids.slice(start, start + VALUES_PER_QUERY))).all());
  }
  return rows;
}

/** The first `limit` files (merged ones left out) the index finds for a query built by candidateSearch. */
export function unmergedCandidatesMatching(db: ReadDb, match: string, limit: number): CandidateRow[] {
  return db
    .select()
    .from(candidates)
    .where(and(inMatches(match), isNull(candidates.mergedIntoId), inCandidateScope(candidates.id)))
    .limit(limit)
    .all();
}

/** The file's last change is now: a change recorded beside it (its action plan) is a change of the file. */
export function touchCandidate(db: WriteDb, id: string, now: string): void {
  db.update(candidates).set({ updatedAt: now }).where(eq(candidates.id, id)).run();
}
