import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../db/handles';
import { alias } from 'drizzle-orm/sqlite-core';
import { candidates, dropinSessions, employers, jobNeeds, pairs, partnerErasureRequests, partners, rightsRequests, sectors, volunteers } from '../db/schema';

/** The register of people's requests about their data, and partners' requests to erase someone. */

export type RightsRequestRow = typeof rightsRequests.$inferSelect;
export type PartnerErasureRow = typeof partnerErasureRequests.$inferSelect;

export function insertRightsRequest(tx: WriteDb, row: RightsRequestRow): void {
  tx.insert(rightsRequests).values(row).run();
}

export function findRightsRequest(db: ReadDb, id: string): RightsRequestRow | undefined {
  return db.select().from(rightsRequests).where(eq(rightsRequests.id, id)).get();
}

/** Sets the answer's date once: false when the request was answered already. */
export function answerRightsRequest(tx: WriteDb, id: string, answeredOn: string, answeredBy: string | null): boolean {
  const result = tx
    .update(rightsRequests)
    .set({ answeredOn, answeredBy })
    .where(and(eq(rightsRequests.id, id), isNull(rightsRequests.answeredOn)))
    .run();
  return result.changes === 1;
}

/** With the person's name while their file is here (a merged file's name is its own). */
const withName = {
  row: rightsRequests,
  candidateName: sql<string | null>`${candidates.firstName} || ' ' || ${candidates.lastName}`,
};

/** The requests not answered yet, the oldest (the most urgent) first. */
export function openRightsRequests(db: ReadDb) {
  return db
    .select(withName)
    .from(rightsRequests)
    .leftJoin(candidates, eq(candidates.id, rightsRequests.candidateId))
    .where(isNull(rightsRequests.answeredOn))
    .orderBy(asc(rightsRequests.receivedOn), asc(rightsRequests.createdAt))
    .all();
}

export function rightsRequestsAbout(db: ReadDb, candidateIds: string[]) {
  return db
    .select(withName)
    .from(rightsRequests)
    .leftJoin(candidates, eq(candidates.id, rightsRequests.candidateId))
    .where(inArray(rightsRequests.candidateId, candidateIds))
    .orderBy(asc(rightsRequests.receivedOn), asc(rightsRequests.createdAt))
    .all();
}

export function insertPartnerErasureRequest(tx: WriteDb, row: PartnerErasureRow): void {
  tx.insert(partnerErasureRequests).values(row).onConflictDoNothing().run();
}

export function findPartnerErasureRequest(db: ReadDb, id: string): PartnerErasureRow | undefined {
  return db.select().from(partnerErasureRequests).where(eq(partnerErasureRequests.id, id)).get();
}

/** The requests still to decide first, then the decided ones of the last 90 days, newest first. */
export function partnerErasureRequestRows(db: ReadDb, since: string): PartnerErasureRow[] {
  return db
    .select()
    .from(partnerErasureRequests)
    .where(sql`${partnerErasureRequests.decidedAt} IS NULL OR ${partnerErasureRequests.decidedAt} >= ${since}`)
    .orderBy(sql`${partnerErasureRequests.decidedAt} IS NOT NULL`, sql`${partnerErasureRequests.receivedAt} DESC`)
    .all();
}

export function decidePartnerErasureRequest(tx: WriteDb, id: string, decision: { decidedAt: string; decision: 'erased' | 'declined'; declineReason: string | null }): boolean {
  return (
    tx
      .update(partnerErasureRequests)
      .set(decision)
      .where(and(eq(partnerErasureRequests.id, id), isNull(partnerErasureRequests.decidedAt)))
      .run().changes === 1
  );
}

/** The names of these files (those still here). */
export function candidateNames(db: ReadDb, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: candidates.id, firstName: candidates.firstName, lastName: candidates.lastName })
      .from(candidates)
      .where(inArray(candidates.id, ids))
      .all()
      .map((row) => [row.id, `${row.firstName} ${row.lastName}`]),
  );
}

/**
 * The names a person's copy shows instead of ids: employers, job needs (occupation at employer),
 * partners, sectors (null for a seeded one: its label is translated) and drop-in sessions.
 */
export function namesForCopy(
  db: ReadDb,
  ids: { employers: string[]; jobNeeds: string[]; partners: string[]; sectors: string[]; sessions: string[]; volunteers: string[]; pairs: string[] },
) {
  const unique = (list: string[]) => [...new Set(list)];
  const first = alias(volunteers, 'first_volunteer');
  const second = alias(volunteers, 'second_volunteer');
  return {
    volunteers: new Map(
      db
        .select({ id: volunteers.id, name: sql<string>`${volunteers.firstName} || ' ' || ${volunteers.lastName}` })
        .from(volunteers)
        .where(inArray(volunteers.id, unique(ids.volunteers)))
        .all()
        .map((row) => [row.id, row.name]),
    ),
    pairs: new Map(
      db
        .select({ id: pairs.id, first: sql<string>`${first.firstName} || ' ' || ${first.lastName}`, second: sql<string>`${second.firstName} || ' ' || ${second.lastName}` })
        .from(pairs)
        .innerJoin(first, eq(first.id, pairs.firstVolunteerId))
        .innerJoin(second, eq(second.id, pairs.secondVolunteerId))
        .where(inArray(pairs.id, unique(ids.pairs)))
        .all()
        .map((row) => [row.id, `${row.first} & ${row.second}`]),
    ),
    employers: new Map(db.select({ id: employers.id, name: employers.name }).from(employers).where(inArray(employers.id, unique(ids.employers))).all().map((row) => [row.id, row.name])),
    jobNeeds: new Map(
      db
        .select({ id: jobNeeds.id, occupation: jobNeeds.occupation, employer: employers.name })
        .from(jobNeeds)
        .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
        .where(inArray(jobNeeds.id, unique(ids.jobNeeds)))
        .all()
        .map((row) => [row.id, { occupation: row.occupation, employer: row.employer }]),
    ),
    partners: new Map(db.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, unique(ids.partners))).all().map((row) => [row.id, row.name])),
    sectors: new Map(
      db
        .select({ id: sectors.id, name: sectors.name, seedKey: sectors.seedKey })
        .from(sectors)
        .where(inArray(sectors.id, unique(ids.sectors)))
        .all()
        .map((row) => [row.id, { name: row.name, seedKey: row.seedKey }]),
    ),
    sessions: new Map(
      db
        .select({ id: dropinSessions.id, date: dropinSessions.date, place: dropinSessions.place })
        .from(dropinSessions)
        .where(inArray(dropinSessions.id, unique(ids.sessions)))
        .all()
        .map((row) => [row.id, { date: row.date, place: row.place }]),
    ),
  };
}
export type CopyNames = ReturnType<typeof namesForCopy>;
