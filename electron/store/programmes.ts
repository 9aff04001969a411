import { asc, eq, isNull } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import { candidateProgrammes, programmes } from '../db/schema';
import { assertReferencesExist, findRow, setArchived } from './records';

/** Programmes and funders, and the files in each. */

export type ProgrammeRow = typeof programmes.$inferSelect;

const NOT_FOUND = 'programmes.errors.notFound';

/** By name; with the archived ones when asked. */
export function listProgrammes(db: ReadDb, { includeArchived }: { includeArchived: boolean }): ProgrammeRow[] {
  return db
    .select()
    .from(programmes)
    .where(includeArchived ? undefined : isNull(programmes.archivedAt))
    .orderBy(asc(programmes.name))
    .all();
}

export const findProgramme = (db: ReadDb, id: string): ProgrammeRow => findRow(db, programmes, id, NOT_FOUND);

/** The programme of this name (names are unique), if any. */
export const programmeNamed = (db: ReadDb, name: string): ProgrammeRow | undefined => db.select().from(programmes).where(eq(programmes.name, name)).get();

export function insertProgramme(db: WriteDb, values: typeof programmes.$inferInsert): ProgrammeRow {
  return db.insert(programmes).values(values).returning().get();
}

export function renameProgramme(db: WriteDb, id: string, name: string, now: string): ProgrammeRow {
  findProgramme(db, id);
  return db.update(programmes).set({ name, updatedAt: now }).where(eq(programmes.id, id)).returning().get() as ProgrammeRow;
}

export const setProgrammeArchived = (db: WriteDb, id: string, archived: boolean, now: string): ProgrammeRow => setArchived(db, programmes, id, archived, now, NOT_FOUND);

/** Refuses, as a validation error on `field`, ids that point to no programme. */
export const assertProgrammesExist = (db: ReadDb, ids: readonly string[], field: string): void => assertReferencesExist(db, programmes, ids, field);

/** A file's programmes, by the day joined. */
export function programmesOfCandidate(db: ReadDb, candidateId: string): { programmeId: string; joinedOn: string }[] {
  return db
    .select({ programmeId: candidateProgrammes.programmeId, joinedOn: candidateProgrammes.joinedOn })
    .from(candidateProgrammes)
    .where(eq(candidateProgrammes.candidateId, candidateId))
    .orderBy(asc(candidateProgrammes.joinedOn), asc(candidateProgrammes.programmeId))
    .all();
}

/** Replaces a file's programmes (inside the caller's transaction). */
export function replaceCandidateProgrammes(db: WriteDb, candidateId: string, items: readonly { programmeId: string; joinedOn: string }[]): void {
  db.delete(candidateProgrammes).where(eq(candidateProgrammes.candidateId, candidateId)).run();
  if (items.length > 0) db.insert(candidateProgrammes).values(items.map((item) => ({ candidateId, ...item }))).run();
}
