import { groupBy } from '../core/collections';
import type { ParsedInputOf } from '../../shared/api';
import type { PairKind } from '../../shared/domain';
import type { Sector } from '../../shared/sectors';
import {
  type HoursEntry,
  type HoursList,
  type Pair,
  type Volunteer,
  type VolunteerPage,
  type VolunteerSummary,
  pairConsistencyErrors,
} from '../../shared/volunteers';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { assertSectorsExist } from '../store/sectors';
import {
  type HoursRow,
  type PairRow,
  type VolunteerRow,
  assertHoursReferencesExist,
  deleteHours,
  findPair,
  findVolunteer,
  insertHours,
  insertPair,
  insertVolunteer,
  listHours,
  listPairs,
  pairTwinExists,
  sectorsById,
  sectorsOfVolunteers,
  sessionDayOf,
  setPairArchived,
  setVolunteerArchived,
  totalMinutes,
  updatePair,
  updateVolunteer,
  volunteerNameOf,
  volunteerNames,
  volunteerPage,
} from '../store/volunteers';

const HOURS_NOT_FOUND = 'volunteers.errors.hoursNotFound';

function toSector(row: { id: string; seedKey: string | null; name: string | null; archivedAt: string | null }): Sector {
  return { id: row.id, seedKey: row.seedKey as Sector['seedKey'], name: row.name, archivedAt: row.archivedAt };
}

/** Pairs (*binômes*): two different active volunteers, for one sector or for the temp-work agencies. */
export function createPairService(db: WriteDb, clock: Clock = systemClock) {
  function toPairs(rows: PairRow[]): Pair[] {
    const nameOf = volunteerNames(
      db,
      rows.flatMap((row) => [row.firstVolunteerId, row.secondVolunteerId]),
    );
    const sectorIds = [...new Set(rows.flatMap((row) => (row.sectorId ? [row.sectorId] : [])))];
    const sectorById = new Map(sectorsById(db, sectorIds).map((row) => [row.id, toSector(row)]));
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
  const get = (id: string) => toPair(findPair(db, id));

  /**
   * The whole pair (after a patch is applied) must follow the rules; a volunteer newly put in
   * the pair must exist, be active and not archived (one who stays in it is left alone).
   */
  function check(pair: Parameters<typeof pairConsistencyErrors>[0], current?: PairRow) {
    const errors = pairConsistencyErrors(pair);
    for (const field of ['firstVolunteerId', 'secondVolunteerId'] as const) {
      const id = pair[field];
      if (errors[field] || (current && (current.firstVolunteerId === id || current.secondVolunteerId === id))) continue;
      const volunteer = volunteerNameOf(db, id);
      if (!volunteer) errors[field] = 'common.errors.notFound';
      else if (!volunteer.active || volunteer.archivedAt) errors[field] = 'volunteers.errors.volunteerUnavailable';
    }
    if (Object.keys(errors).length > 0) refuse(errors);
    if (pair.sectorId !== current?.sectorId) assertSectorsExist(db, [pair.sectorId], 'sectorId');
    if (pairTwinExists(db, pair, current?.id)) throw new AppError('conflict', 'volunteers.errors.pairExists');
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    create(input: ParsedInputOf<'pairs.create'>): Pair {
      check(input);
      const { now } = moment(clock);
      return toPair(insertPair(db, { ...input, id: newId(), createdAt: now, updatedAt: now }));
    },

    /** Changes only the fields sent; the whole pair is checked again. */
    update({ id, ...patch }: ParsedInputOf<'pairs.update'>): Pair {
      const current = findPair(db, id);
      const { sectorId, firstVolunteerId, secondVolunteerId } = current;
      check({ kind: current.kind as PairKind, sectorId, firstVolunteerId, secondVolunteerId, ...patch }, current);
      return toPair(updatePair(db, id, { ...patch, updatedAt: moment(clock).now }) ?? current);
    },

    list: (input: ParsedInputOf<'pairs.list'>): Pair[] => toPairs(listPairs(db, input)),

    /** The pairs (not archived) a volunteer belongs to. */
    ofVolunteer: (volunteerId: string) => toPairs(listPairs(db, { archived: 'active', volunteerId })),

    archive: ({ id }: { id: string }) => toPair(setPairArchived(db, id, true, moment(clock).now)),

    /** A restored pair must not repeat one formed meanwhile. */
    restore({ id }: { id: string }): Pair {
      const current = findPair(db, id);
      if (current.archivedAt && pairTwinExists(db, current, id)) throw new AppError('conflict', 'volunteers.errors.pairExists');
      return toPair(setPairArchived(db, id, false, moment(clock).now));
    },
  };
}

export function createVolunteerService(db: WriteDb, clock: Clock = systemClock) {
  const pairService = createPairService(db, clock);

  /** Each volunteer's sectors, in the sectors' own order. */
  function sectorsOf(volunteerIds: string[]): Map<string, Sector[]> {
    const grouped = groupBy(sectorsOfVolunteers(db, volunteerIds), (row) => row.volunteerId);
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
    return {
      ...(toSummaries([row])[0] as VolunteerSummary),
      notes: row.notes,
      origin: row.origin,
      createdAt: row.createdAt,
      pairs: pairService.ofVolunteer(row.id),
      hoursThisYear: { year, minutes: totalMinutes(db, { volunteerId: row.id, from: `${year}-01-01`, to: `${year}-12-31` }) },
    };
  }

  const get = (id: string) => load(findVolunteer(db, id));

  return {
    get: ({ id }: { id: string }) => get(id),

    create({ sectorIds, ...columns }: ParsedInputOf<'volunteers.create'>): Volunteer {
      assertSectorsExist(db, sectorIds ?? [], 'sectorIds');
      const id = newId();
      const { now } = moment(clock);
      insertVolunteer(db, { ...columns, id, createdAt: now, updatedAt: now }, sectorIds);
      return get(id);
    },

    /** Changes only the fields sent; `sectorIds`, when sent, replaces the list. */
    update({ id, sectorIds, ...columns }: ParsedInputOf<'volunteers.update'>): Volunteer {
      findVolunteer(db, id);
      assertSectorsExist(db, sectorIds ?? [], 'sectorIds');
      updateVolunteer(db, id, { ...columns, updatedAt: moment(clock).now }, sectorIds);
      return get(id);
    },

    list(input: ParsedInputOf<'volunteers.list'>): VolunteerPage {
      const { rows, total } = volunteerPage(db, input);
      return { items: toSummaries(rows), total };
    },

    archive: ({ id }: { id: string }) => load(setVolunteerArchived(db, id, true, moment(clock).now)),
    restore: ({ id }: { id: string }) => load(setVolunteerArchived(db, id, false, moment(clock).now)),
  };
}

/** Hours volunteers give, for funders' figures; stored as whole minutes. */
export function createHoursService(db: WriteDb, clock: Clock = systemClock) {
  function toEntries(rows: HoursRow[]): HoursEntry[] {
    const nameOf = volunteerNames(
      db,
      rows.map((row) => row.volunteerId),
    );
    return rows.map(({ volunteerId, ...entry }) => ({ ...entry, volunteer: nameOf(volunteerId) }));
  }

  return {
    add(input: ParsedInputOf<'volunteerHours.add'>): HoursEntry {
      // The foreign keys would refuse an unknown session too, but the error must name the field.
      assertHoursReferencesExist(db, input);
      // Time given at a session was given on its day (the figures per period count it there).
      const sessionDay = input.sessionId ? sessionDayOf(db, input.sessionId) : undefined;
      if (sessionDay !== undefined && sessionDay !== input.date) refuse({ date: 'volunteers.errors.notSessionDay' });
      return toEntries([insertHours(db, { ...input, id: newId(), createdAt: moment(clock).now })])[0] as HoursEntry;
    },

    list(filter: ParsedInputOf<'volunteerHours.list'>): HoursList {
      return { items: toEntries(listHours(db, filter)), totalMinutes: totalMinutes(db, filter) };
    },

    remove({ id }: { id: string }): HoursEntry {
      const row = deleteHours(db, id);
      if (!row) throw new AppError('not_found', HOURS_NOT_FOUND);
      return toEntries([row])[0] as HoursEntry;
    },
  };
}
