import { asc, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Barrier, Candidate, CandidateFields, CandidateSummary } from '../../shared/candidates';
import type { Db } from '../db/open';
import { createRowWriter } from '../db/row-writer';
import { candidateBarriers, candidateSectors, candidateSharingConsents, candidates } from '../db/schema';
import type { Tx } from './records';
import { toFtsQuery } from './search';

/**
 * The candidates' rows as whole files: reading them with their child tables (sectors, sharing
 * consents, barriers), writing those child tables, and querying the search index.
 */

export type CandidateRow = typeof candidates.$inferSelect;
type Enum<K extends keyof Candidate> = Candidate[K];

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
    writer.insertAll(
      table,
      sent.flatMap((file) => (items(file.fields) ?? []).map((item) => row(file.id, item))),
    );
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

