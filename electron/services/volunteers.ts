import { type SQL, and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import type { PairKind } from '../../shared/domain';
import type { Sector } from '../../shared/sectors';
import {
  type HoursEntry,
  type HoursList,
  type Pair,
  type Volunteer,
  type VolunteerName,
  type VolunteerPage,
  type VolunteerSummary,
  pairConsistencyErrors,
} from '../../shared/volunteers';
import { AppError, refuse } from '../core/errors';
import type { Db } from '../db/open';
import { dropinSessions, pairs, sectors, volunteerHours, volunteerSectors, volunteers } from '../db/schema';
import { type Clock, newId, systemClock, moment } from '../core/clock';
import { archivedFilter, assertReferencesExist, findRow, linkWriter, matchesSearch, setArchived } from '../store/records';

type VolunteerRow = typeof volunteers.$inferSelect;
type PairRow = typeof pairs.$inferSelect;

const VOLUNTEER_NOT_FOUND = 'volunteers.errors.notFound';
const PAIR_NOT_FOUND = 'volunteers.errors.pairNotFound';
const HOURS_NOT_FOUND = 'volunteers.errors.hoursNotFound';

const nameColumns = {
  id: volunteers.id,
  firstName: volunteers.firstName,
  lastName: volunteers.lastName,
  active: volunteers.active,
  archivedAt: volunteers.archivedAt,
};

const sectorColumns = { id: sectors.id, seedKey: sectors.seedKey, name: sectors.name, archivedAt: sectors.archivedAt };

function toSector(row: { id: string; seedKey: string | null; name: string | null; archivedAt: string | null }): Sector {
  return { id: row.id, seedKey: row.seedKey as Sector['seedKey'], name: row.name, archivedAt: row.archivedAt };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Volunteers' names by id, for pairs, drop-in sessions and hours entries. */
export function volunteerNames(db: Db, ids: readonly string[]): (id: string) => VolunteerName {
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

/** Sum of minutes of the hours entries matching `where`. */
function totalMinutes(db: Db, where: SQL | undefined): number {
  return (
    db
      .select({ total: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)` })
      .from(volunteerHours)
      .where(where)
      .get()?.total ?? 0
  );
}

/** Pairs the volunteer is one of. */
function hasMember(volunteerId: string): SQL | undefined {
  return or(eq(pairs.firstVolunteerId, volunteerId), eq(pairs.secondVolunteerId, volunteerId));
}

function hoursPeriod(from: string | null | undefined, to: string | null | undefined): SQL | undefined {
  return and(from ? gte(volunteerHours.date, from) : undefined, to ? lte(volunteerHours.date, to) : undefined);
}

/** Pairs (*binômes*): two different active volunteers, for one sector or for the temp-work agencies. */
export function createPairService(db: Db, clock: Clock = systemClock) {
  function toPairs(rows: PairRow[]): Pair[] {
    const nameOf = volunteerNames(
      db,
      rows.flatMap((row) => [row.firstVolunteerId, row.secondVolunteerId]),
    );
    const sectorIds = [...new Set(rows.flatMap((row) => (row.sectorId ? [row.sectorId] : [])))];
    const sectorById = new Map(
      (sectorIds.length === 0 ? [] : db.select(sectorColumns).from(sectors).where(inArray(sectors.id, sectorIds)).all()).map(
        (row) => [row.id, toSector(row)],
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind as PairKind,
      sector: (row.sectorId && sectorById.get(row.sectorId)) || null,
      firstVolunteer: nameOf(row.firstVolunteerId),
      secondVolunteer: nameOf(row.secondVolunteerId),
      origin: row.origin,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      archivedAt: row.archivedAt,
    }));
  }

  const toPair = (row: PairRow): Pair => toPairs([row])[0] as Pair;
  const get = (id: string) => toPair(findRow(db, pairs, id, PAIR_NOT_FOUND));

  /** The pairs matching `where`: sector pairs first, then the agencies pairs, oldest first. */
  function list(where: SQL | undefined): Pair[] {
    return toPairs(
      db
        .select()
        .from(pairs)
        .where(where)
        .orderBy(desc(sql`${pairs.kind} = 'sector'`), asc(pairs.createdAt), asc(pairs.seq))
        .all(),
    );
  }

  /** The same two people (in any order) already form a pair of this kind and sector. */
  function twinOf(pair: Pick<PairRow, 'kind' | 'sectorId' | 'firstVolunteerId' | 'secondVolunteerId'>, exceptId?: string) {
    const { firstVolunteerId: a, secondVolunteerId: b } = pair;
    return db
      .select({ id: pairs.id })
      .from(pairs)
      .where(
        and(
          isNull(pairs.archivedAt),
          eq(pairs.kind, pair.kind),
          pair.sectorId ? eq(pairs.sectorId, pair.sectorId) : isNull(pairs.sectorId),
          or(
            and(eq(pairs.firstVolunteerId, a), eq(pairs.secondVolunteerId, b)),
            and(eq(pairs.firstVolunteerId, b), eq(pairs.secondVolunteerId, a)),
          ),
          exceptId ? ne(pairs.id, exceptId) : undefined,
        ),
      )
      .get();
  }

  /**
   * The whole pair (after a patch is applied) must follow the rules; a volunteer newly put in
   * the pair must exist, be active and not archived (one who stays in it is left alone).
   */
  function check(pair: Parameters<typeof pairConsistencyErrors>[0], current?: PairRow) {
    const errors = pairConsistencyErrors(pair);
    for (const field of ['firstVolunteerId', 'secondVolunteerId'] as const) {
      const id = pair[field];
      if (errors[field] || (current && (current.firstVolunteerId === id || current.secondVolunteerId === id))) continue;
      const volunteer = db.select(nameColumns).from(volunteers).where(eq(volunteers.id, id)).get();
      if (!volunteer) errors[field] = 'validation.unknownReference';
      else if (!volunteer.active || volunteer.archivedAt) errors[field] = 'volunteers.validation.volunteerUnavailable';
    }
    if (Object.keys(errors).length > 0) refuse(errors);
    if (pair.sectorId !== current?.sectorId) assertReferencesExist(db, sectors, [pair.sectorId], 'sectorId');
    if (twinOf(pair, current?.id)) throw new AppError('conflict', 'volunteers.errors.pairExists');
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    create(input: ParsedInputOf<'pairs.create'>): Pair {
      check(input);
      const { now } = moment(clock);
      return toPair(db.insert(pairs).values({ ...input, id: newId(), createdAt: now, updatedAt: now }).returning().get());
    },

    /** Changes only the fields sent; the whole pair is checked again. */
    update({ id, ...patch }: ParsedInputOf<'pairs.update'>): Pair {
      const current = findRow(db, pairs, id, PAIR_NOT_FOUND);
      const { sectorId, firstVolunteerId, secondVolunteerId } = current;
      check({ kind: current.kind as PairKind, sectorId, firstVolunteerId, secondVolunteerId, ...patch }, current);
      return toPair(
        db
          .update(pairs)
          .set({ ...patch, updatedAt: moment(clock).now })
          .where(eq(pairs.id, id))
          .returning()
          .get() ?? current,
      );
    },

    list(input: ParsedInputOf<'pairs.list'>): Pair[] {
      return list(
        and(
          archivedFilter(pairs.archivedAt, input.archived),
          input.kind ? eq(pairs.kind, input.kind) : undefined,
          input.sectorId ? eq(pairs.sectorId, input.sectorId) : undefined,
          input.volunteerId ? hasMember(input.volunteerId) : undefined,
        ),
      );
    },

    /** The pairs (not archived) a volunteer belongs to. */
    ofVolunteer: (volunteerId: string) => list(and(isNull(pairs.archivedAt), hasMember(volunteerId))),

    archive: ({ id }: { id: string }) => toPair(setArchived(db, pairs, id, true, moment(clock).now, PAIR_NOT_FOUND)),

    /** A restored pair must not repeat one formed meanwhile. */
    restore({ id }: { id: string }): Pair {
      const current = findRow(db, pairs, id, PAIR_NOT_FOUND);
      if (current.archivedAt && twinOf(current, id)) throw new AppError('conflict', 'volunteers.errors.pairExists');
      return toPair(setArchived(db, pairs, id, false, moment(clock).now, PAIR_NOT_FOUND));
    },
  };
}

const VOLUNTEER_SORTS = {
  name: [volunteers.lastName, volunteers.firstName],
  updated: [volunteers.updatedAt],
} as const;

export function createVolunteerService(db: Db, clock: Clock = systemClock) {
  const pairService = createPairService(db, clock);

  /** Each volunteer's sectors, in the sectors' own order. */
  function sectorsOf(volunteerIds: string[]): Map<string, Sector[]> {
    const rows =
      volunteerIds.length === 0
        ? []
        : db
            .select({ volunteerId: volunteerSectors.volunteerId, ...sectorColumns })
            .from(volunteerSectors)
            .innerJoin(sectors, eq(sectors.id, volunteerSectors.sectorId))
            .where(inArray(volunteerSectors.volunteerId, volunteerIds))
            .orderBy(asc(sectors.seq))
            .all();
    const grouped = groupBy(rows, (row) => row.volunteerId);
    return new Map(volunteerIds.map((id) => [id, (grouped.get(id) ?? []).map(toSector)]));
  }

  function toSummaries(rows: VolunteerRow[]): VolunteerSummary[] {
    const sectorMap = sectorsOf(rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      active: row.active,
      archivedAt: row.archivedAt,
      phone: row.phone,
      email: row.email,
      availability: row.availability,
      sectors: sectorMap.get(row.id) ?? [],
      updatedAt: row.updatedAt,
    }));
  }

  function load(row: VolunteerRow): Volunteer {
    const year = clock.now().getUTCFullYear();
    const thisYear = and(eq(volunteerHours.volunteerId, row.id), hoursPeriod(`${year}-01-01`, `${year}-12-31`));
    return {
      ...(toSummaries([row])[0] as VolunteerSummary),
      notes: row.notes,
      origin: row.origin,
      createdAt: row.createdAt,
      pairs: pairService.ofVolunteer(row.id),
      hoursThisYear: { year, minutes: totalMinutes(db, thisYear) },
    };
  }

  const get = (id: string) => load(findRow(db, volunteers, id, VOLUNTEER_NOT_FOUND));

  const writeSectors = linkWriter(volunteerSectors, volunteerSectors.volunteerId, (volunteerId, sectorId) => ({ volunteerId, sectorId }));

  return {
    get: ({ id }: { id: string }) => get(id),

    create({ sectorIds, ...columns }: ParsedInputOf<'volunteers.create'>): Volunteer {
      assertReferencesExist(db, sectors, sectorIds ?? [], 'sectorIds');
      const id = newId();
      const { now } = moment(clock);
      db.transaction((tx) => {
        tx.insert(volunteers)
          .values({ ...columns, id, createdAt: now, updatedAt: now })
          .run();
        writeSectors(tx, id, sectorIds);
      });
      return get(id);
    },

    /** Changes only the fields sent; `sectorIds`, when sent, replaces the list. */
    update({ id, sectorIds, ...columns }: ParsedInputOf<'volunteers.update'>): Volunteer {
      findRow(db, volunteers, id, VOLUNTEER_NOT_FOUND);
      assertReferencesExist(db, sectors, sectorIds ?? [], 'sectorIds');
      db.transaction((tx) => {
        tx.update(volunteers)
          .set({ ...columns, updatedAt: moment(clock).now })
          .where(eq(volunteers.id, id))
          .run();
        writeSectors(tx, id, sectorIds);
      });
      return get(id);
    },

    list(input: ParsedInputOf<'volunteers.list'>): VolunteerPage {
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
      return { items: toSummaries(rows), total };
    },

    archive: ({ id }: { id: string }) => load(setArchived(db, volunteers, id, true, moment(clock).now, VOLUNTEER_NOT_FOUND)),
    restore: ({ id }: { id: string }) => load(setArchived(db, volunteers, id, false, moment(clock).now, VOLUNTEER_NOT_FOUND)),
  };
}

/** Hours volunteers give, for funders' figures; stored as whole minutes. */
export function createHoursService(db: Db, clock: Clock = systemClock) {
  function toEntries(rows: (typeof volunteerHours.$inferSelect)[]): HoursEntry[] {
    const nameOf = volunteerNames(
      db,
      rows.map((row) => row.volunteerId),
    );
    return rows.map(({ volunteerId, ...entry }) => ({ ...entry, volunteer: nameOf(volunteerId) }));
  }

  return {
    add(input: ParsedInputOf<'volunteerHours.add'>): HoursEntry {
      assertReferencesExist(db, volunteers, [input.volunteerId], 'volunteerId');
      // The foreign key would refuse an unknown session too, but the error must name the field.
      assertReferencesExist(db, dropinSessions, [input.sessionId], 'sessionId');
      // Time given at a session was given on its day (the figures per period count it there).
      const session = input.sessionId ? db.select({ date: dropinSessions.date }).from(dropinSessions).where(eq(dropinSessions.id, input.sessionId)).get() : undefined;
      if (session && session.date !== input.date) refuse({ date: 'volunteers.validation.notSessionDay' });
      const row = db
        .insert(volunteerHours)
        .values({ ...input, id: newId(), createdAt: moment(clock).now })
        .returning()
        .get();
      return toEntries([row])[0] as HoursEntry;
    },

    list({ volunteerId, from, to }: ParsedInputOf<'volunteerHours.list'>): HoursList {
      const where = and(volunteerId ? eq(volunteerHours.volunteerId, volunteerId) : undefined, hoursPeriod(from, to));
      const rows = db
        .select()
        .from(volunteerHours)
        .where(where)
        .orderBy(desc(volunteerHours.date), desc(volunteerHours.createdAt))
        .all();
      return { items: toEntries(rows), totalMinutes: totalMinutes(db, where) };
    },

    remove({ id }: { id: string }): HoursEntry {
      const row = db.delete(volunteerHours).where(eq(volunteerHours.id, id)).returning().get();
      if (!row) throw new AppError('not_found', HOURS_NOT_FOUND);
      return toEntries([row])[0] as HoursEntry;
    },
  };
}
