import { type SQL, and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { VolunteerName } from '../../shared/volunteers';
import type { ReadDb, WriteDb } from '../db/handles';
import { dropinSessions, pairs, sectors, volunteerHours, volunteerSectors, volunteers } from '../db/schema';
import { archivedFilter, assertReferencesExist, findRow, linkWriter, matchesSearch, setArchived } from './records';

/** Volunteers, their pairs (*binômes*) and the hours they give. */

export type VolunteerRow = typeof volunteers.$inferSelect;
export type PairRow = typeof pairs.$inferSelect;
export type HoursRow = typeof volunteerHours.$inferSelect;

const VOLUNTEER_NOT_FOUND = 'volunteers.errors.notFound';
const PAIR_NOT_FOUND = 'volunteers.errors.pairNotFound';

const nameColumns = {
  id: volunteers.id,
  firstName: volunteers.firstName,
  lastName: volunteers.lastName,
  active: volunteers.active,
  archivedAt: volunteers.archivedAt,
};

const sectorColumns = { id: sectors.id, seedKey: sectors.seedKey, name: sectors.name, archivedAt: sectors.archivedAt };

/** Volunteers' names by id, for pairs, drop-in sessions and hours entries. */
export function volunteerNames(db: ReadDb, ids: readonly string[]): (id: string) => VolunteerName {
  const wanted = [...new Set(ids)];
  const rows = wanted.length === 0 ? [] : db.select(nameColumns).from(volunteers).where(inArray(volunteers.id, wanted)).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (id) => {
    const name = byId.get(id);
    // The foreign keys make this impossible short of a damaged file.
    if (!name) throw new Error(`volunteer ${id} is missing`);
    return name;
  };
}

/** The volunteer's name and availability, undefined when there is none with this id. */
export const volunteerNameOf = (db: ReadDb, id: string): VolunteerName | undefined => db.select(nameColumns).from(volunteers).where(eq(volunteers.id, id)).get();

function hoursPeriod(from: string | null | undefined, to: string | null | undefined): SQL | undefined {
  return and(from ? gte(volunteerHours.date, from) : undefined, to ? lte(volunteerHours.date, to) : undefined);
}

const hoursOf = ({ volunteerId, from, to }: HoursFilter) => and(volunteerId ? eq(volunteerHours.volunteerId, volunteerId) : undefined, hoursPeriod(from, to));

export interface HoursFilter {
  volunteerId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Sum of minutes of the hours entries of a volunteer (or all) within a period (dates included). */
export function totalMinutes(db: ReadDb, filter: HoursFilter): number {
  return (
    db
      .select({ total: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)` })
      .from(volunteerHours)
      .where(hoursOf(filter))
      .get()?.total ?? 0
  );
}

// ---------------------------------------------------------------- Pairs

/** Pairs the volunteer is one of. */
function hasMember(volunteerId: string): SQL | undefined {
  return or(eq(pairs.firstVolunteerId, volunteerId), eq(pairs.secondVolunteerId, volunteerId));
}

export const findPair = (db: ReadDb, id: string): PairRow => findRow(db, pairs, id, PAIR_NOT_FOUND);

export function sectorsById(db: ReadDb, ids: readonly string[]) {
  return ids.length === 0 ? [] : db.select(sectorColumns).from(sectors).where(inArray(sectors.id, [...ids])).all();
}

/** The pairs matching the filter: sector pairs first, then the agencies pairs, oldest first. */
export function listPairs(
  db: ReadDb,
  filter: { archived: 'active' | 'archived' | 'all'; kind?: string; sectorId?: string; volunteerId?: string },
): PairRow[] {
  return db
    .select()
    .from(pairs)
    .where(
      and(
        archivedFilter(pairs.archivedAt, filter.archived),
        filter.kind ? eq(pairs.kind, filter.kind) : undefined,
        filter.sectorId ? eq(pairs.sectorId, filter.sectorId) : undefined,
        filter.volunteerId ? hasMember(filter.volunteerId) : undefined,
      ),
    )
    .orderBy(desc(sql`${pairs.kind} = 'sector'`), asc(pairs.createdAt), asc(pairs.seq))
    .all();
}

/** Whether the same two people (in any order) already form a pair of this kind and sector, not archived. */
export function pairTwinExists(db: ReadDb, pair: Pick<PairRow, 'kind' | 'sectorId' | 'firstVolunteerId' | 'secondVolunteerId'>, exceptId?: string): boolean {
  const { firstVolunteerId: a, secondVolunteerId: b } = pair;
  const twin = db
    .select({ id: pairs.id })
    .from(pairs)
    .where(
      and(
        isNull(pairs.archivedAt),
        eq(pairs.kind, pair.kind),
        pair.sectorId ? eq(pairs.sectorId, pair.sectorId) : isNull(pairs.sectorId),
        or(and(eq(pairs.firstVolunteerId, a), eq(pairs.secondVolunteerId, b)), and(eq(pairs.firstVolunteerId, b), eq(pairs.secondVolunteerId, a))),
        exceptId ? ne(pairs.id, exceptId) : undefined,
      ),
    )
    .get();
  return twin !== undefined;
}

export const insertPair = (db: WriteDb, values: typeof pairs.$inferInsert): PairRow => db.insert(pairs).values(values).returning().get();

/** The pair as written, undefined when there is none with this id. */
export const updatePair = (db: WriteDb, id: string, values: Partial<typeof pairs.$inferInsert>): PairRow | undefined =>
  db.update(pairs).set(values).where(eq(pairs.id, id)).returning().get();

export const setPairArchived = (db: WriteDb, id: string, archived: boolean, now: string): PairRow => setArchived(db, pairs, id, archived, now, PAIR_NOT_FOUND);

// ---------------------------------------------------------------- Volunteers

const VOLUNTEER_SORTS = {
  name: [volunteers.lastName, volunteers.firstName],
  updated: [volunteers.updatedAt],
} as const;

const writeSectors = linkWriter(volunteerSectors, volunteerSectors.volunteerId, (volunteerId, sectorId) => ({ volunteerId, sectorId }));

export const findVolunteer = (db: ReadDb, id: string): VolunteerRow => findRow(db, volunteers, id, VOLUNTEER_NOT_FOUND);

export const setVolunteerArchived = (db: WriteDb, id: string, archived: boolean, now: string): VolunteerRow =>
  setArchived(db, volunteers, id, archived, now, VOLUNTEER_NOT_FOUND);

/** Each volunteer's sectors, in the sectors' own order. */
export function sectorsOfVolunteers(db: ReadDb, volunteerIds: readonly string[]) {
  return volunteerIds.length === 0
    ? []
    : db
        .select({ volunteerId: volunteerSectors.volunteerId, ...sectorColumns })
        .from(volunteerSectors)
        .innerJoin(sectors, eq(sectors.id, volunteerSectors.sectorId))
        .where(inArray(volunteerSectors.volunteerId, [...volunteerIds]))
        .orderBy(asc(sectors.seq))
        .all();
}

/** The volunteer and, when sent, its sectors, in one transaction. */
export function insertVolunteer(db: WriteDb, values: typeof volunteers.$inferInsert & { id: string }, sectorIds: string[] | undefined): void {
  db.transaction((tx) => {
    tx.insert(volunteers).values(values).run();
    writeSectors(tx, values.id, sectorIds);
  });
}

/** The columns sent and, when sent, the sectors (replacing the list), in one transaction. */
export function updateVolunteer(db: WriteDb, id: string, values: Partial<typeof volunteers.$inferInsert>, sectorIds: string[] | undefined): void {
  db.transaction((tx) => {
    tx.update(volunteers).set(values).where(eq(volunteers.id, id)).run();
    writeSectors(tx, id, sectorIds);
  });
}

export function volunteerPage(db: ReadDb, input: ParsedInputOf<'volunteers.list'>): { rows: VolunteerRow[]; total: number } {
  const where = and(
    matchesSearch(volunteers.seq, 'volunteer_search', input.query),
    input.active === 'any' ? undefined : eq(volunteers.active, input.active === 'yes'),
    archivedFilter(volunteers.archivedAt, input.archived),
    input.sectorId
      ? sql`${volunteers.id} IN (SELECT ${volunteerSectors.volunteerId} FROM ${volunteerSectors} WHERE ${volunteerSectors.sectorId} = ${input.sectorId})`
      : undefined,
  );
  const direction = input.descending ? desc : asc;
  const rows = db
    .select()
    .from(volunteers)
    .where(where)
    .orderBy(...VOLUNTEER_SORTS[input.sort].map((column) => direction(column)), asc(volunteers.seq))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = db.select({ total: count() }).from(volunteers).where(where).get()?.total ?? 0;
  return { rows, total };
}

// ---------------------------------------------------------------- Hours

/** Refuses, each as a validation error on its field, a volunteer or a drop-in session that does not exist. */
export function assertHoursReferencesExist(db: ReadDb, { volunteerId, sessionId }: { volunteerId: string; sessionId?: string | null }): void {
  assertReferencesExist(db, volunteers, [volunteerId], 'volunteerId');
  assertReferencesExist(db, dropinSessions, [sessionId], 'sessionId');
}

/** The day of a drop-in session, undefined when there is none with this id. */
export const sessionDayOf = (db: ReadDb, sessionId: string): string | undefined =>
  db.select({ date: dropinSessions.date }).from(dropinSessions).where(eq(dropinSessions.id, sessionId)).get()?.date;

export const insertHours = (db: WriteDb, values: typeof volunteerHours.$inferInsert): HoursRow => db.insert(volunteerHours).values(values).returning().get();

/** Newest first. */
export function listHours(db: ReadDb, filter: HoursFilter): HoursRow[] {
  return db
    .select()
    .from(volunteerHours)
    .where(hoursOf(filter))
    .orderBy(desc(volunteerHours.date), desc(volunteerHours.createdAt))
    .all();
}

/** The entry removed, undefined when there was none with this id. */
export const deleteHours = (db: WriteDb, id: string): HoursRow | undefined => db.delete(volunteerHours).where(eq(volunteerHours.id, id)).returning().get();
