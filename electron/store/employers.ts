import { type SQL, and, asc, count, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/api';
import type { EmployerKind } from '../../shared/employers';
import { COMPANY_CONTACT_KINDS } from '../../shared/domain';
import type { ReadDb, WriteDb } from '../db/handles';
import { employerContacts, employers, jobNeeds, timelineEvents } from '../db/schema';
import { recordWithContacts } from './contacts';
import { archivedFilter, findRow, matchesSearch, setArchived } from './records';

/** Employers, their contacts and their job needs. */

export type EmployerRow = typeof employers.$inferSelect;
export type JobNeedRow = typeof jobNeeds.$inferSelect;

const EMPLOYER_NOT_FOUND = 'employers.errors.notFound';
const JOB_NEED_NOT_FOUND = 'employers.errors.jobNeedNotFound';

/** The employer's name when the record names one of ours, else the organisation typed. */
export const hostName = (organisation: SQLiteColumn): SQL<string | null> => sql<string | null>`coalesce(${employers.name}, ${organisation})`;

/** Whether an employer (archived or not) has this id. */
export const employerExists = (db: ReadDb, id: string): boolean => db.select({ id: employers.id }).from(employers).where(eq(employers.id, id)).get() !== undefined;

/** The employer a job need is for, undefined when there is no need with this id. */
export const employerOfJobNeed = (db: ReadDb, jobNeedId: string): string | undefined =>
  db.select({ employerId: jobNeeds.employerId }).from(jobNeeds).where(eq(jobNeeds.id, jobNeedId)).get()?.employerId;

// ---------------------------------------------------------------- Job needs

const jobNeedColumns = { need: jobNeeds, employerName: employers.name };

/**
 * An employer's open needs: its own needs (its index), those open and not archived. The unary
 * plus keeps SQLite off the states' index: without statistics it preferred that one and read
 * every open need of every employer for each row (0.4 s of CPU for a page of 100 employers at
 * 20,000 needs, and the "without open needs" filter read them all for each employer).
 */
const openNeedOf = (employerId: SQLiteColumn) => and(eq(jobNeeds.employerId, employerId), sql`+${jobNeeds.state} = 'open'`, isNull(jobNeeds.archivedAt));

const JOB_NEED_SORTS = {
  created: [jobNeeds.createdAt],
  updated: [jobNeeds.updatedAt],
  occupation: [jobNeeds.occupation],
  start: [jobNeeds.startDate],
} as const;

/** `%` and `_` typed by the user are plain characters. */
function containsText(column: SQLiteColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

export const insertJobNeed = (db: WriteDb, values: typeof jobNeeds.$inferInsert): void => {
  db.insert(jobNeeds).values(values).run();
};

export const updateJobNeed = (db: WriteDb, id: string, values: Partial<typeof jobNeeds.$inferInsert>): void => {
  db.update(jobNeeds).set(values).where(eq(jobNeeds.id, id)).run();
};

export const setJobNeedArchived = (db: WriteDb, id: string, archived: boolean, now: string): JobNeedRow =>
  setArchived(db, jobNeeds, id, archived, now, JOB_NEED_NOT_FOUND);

export function createJobNeedStore(db: ReadDb) {
  function select(where: SQL | undefined) {
    return db.select(jobNeedColumns).from(jobNeeds).innerJoin(employers, eq(employers.id, jobNeeds.employerId)).where(where);
  }

  const byId = select(eq(jobNeeds.id, sql.placeholder('id'))).prepare();

  return {
    /** The need with its employer's name, undefined when there is none with this id. */
    withEmployerName: (id: string): { need: JobNeedRow; employerName: string } | undefined => byId.get({ id }),

    /** The row, or a not_found refusal. */
    find: (id: string): JobNeedRow => findRow(db, jobNeeds, id, JOB_NEED_NOT_FOUND),

    /** The employer's needs that are not archived, newest first. */
    ofEmployer: (employerId: string) =>
      select(and(eq(jobNeeds.employerId, employerId), isNull(jobNeeds.archivedAt)))
        .orderBy(desc(jobNeeds.createdAt), desc(jobNeeds.seq))
        .all(),

    employer: (employerId: string): EmployerRow | undefined => db.select().from(employers).where(eq(employers.id, employerId)).get(),

    page(input: ParsedInputOf<'jobNeeds.list'>) {
      const words = input.query.split(/\s+/).filter((word) => word.length > 0);
      const where = and(
        archivedFilter(jobNeeds.archivedAt, input.archived),
        // The needs of an archived employer are no longer current, whatever their own state.
        input.archived === 'active' ? isNull(employers.archivedAt) : undefined,
        input.employerId ? eq(jobNeeds.employerId, input.employerId) : undefined,
        input.states.length > 0 ? inArray(jobNeeds.state, input.states) : undefined,
        input.sectorId ? eq(jobNeeds.sectorId, input.sectorId) : undefined,
        ...words.map((word) => containsText(jobNeeds.occupation, word)),
      );
      const direction = input.descending ? desc : asc;
      const order = [
        // Needs without a start date go last, whatever the direction.
        ...(input.sort === 'start' ? [sql`${jobNeeds.startDate} IS NULL`] : []),
        ...JOB_NEED_SORTS[input.sort].map((column) => direction(column)),
        direction(jobNeeds.seq),
      ];
      // The page sorted and cut on the needs' own columns, then read whole: sorted whole, every
      // need's row (notes included) went through the sort to keep 100.
      const page = db
        .select({ seq: jobNeeds.seq })
        .from(jobNeeds)
        .innerJoin(employers, eq(employers.id, jobNeeds.employerId))
        .where(where)
        .orderBy(...order)
        .limit(input.limit)
        .offset(input.offset);
      const rows = select(inArray(jobNeeds.seq, page))
        .orderBy(...order)
        .all();
      const total =
        db.select({ total: count() }).from(jobNeeds).innerJoin(employers, eq(employers.id, jobNeeds.employerId)).where(where).get()?.total ?? 0;
      return { rows, total };
    },
  };
}

// ---------------------------------------------------------------- Employers

const EMPLOYER_SORTS = {
  name: [employers.name],
  updated: [employers.updatedAt],
  created: [employers.createdAt],
} as const;

const employerRecords = recordWithContacts(employers, employerContacts, employerContacts.employerId, (employerId, contact, position) => ({
  ...contact,
  employerId,
  position,
}));

/** The employer and its contacts, in one transaction. */
export const insertEmployer = employerRecords.insert;
/** The columns sent and, when sent, the contacts, in one transaction. */
export const updateEmployer = employerRecords.update;

export const setEmployerArchived = (db: WriteDb, id: string, archived: boolean, now: string): EmployerRow =>
  setArchived(db, employers, id, archived, now, EMPLOYER_NOT_FOUND);

export function createEmployerStore(db: ReadDb) {

  const summaryColumns = {
    id: employers.id,
    name: employers.name,
    siret: employers.siret,
    sectorId: employers.sectorId,
    postalCode: employers.postalCode,
    commune: employers.commune,
    charterSignedOn: employers.charterSignedOn,
    kind: sql<EmployerKind | null>`${employers.kind}`,
    openNeeds: db.$count(jobNeeds, openNeedOf(employers.id)),
    archivedAt: employers.archivedAt,
    updatedAt: employers.updatedAt,
  };

  return {
    /** The row, or a not_found refusal. */
    find: (id: string): EmployerRow => findRow(db, employers, id, EMPLOYER_NOT_FOUND),
    summaryOf: (id: string) => db.select(summaryColumns).from(employers).where(eq(employers.id, id)).get(),
    contactsOf: (id: string) => employerRecords.contactsOf(db, id),

    /** How many calls, meetings and messages the employer's timeline holds in this calendar year. */
    companyContactCount(employerId: string, year: number): number {
      const where = and(
        eq(timelineEvents.subjectType, 'employer'),
        eq(timelineEvents.subjectId, employerId),
        inArray(timelineEvents.kind, [...COMPANY_CONTACT_KINDS]),
        // occurredAt is a date or a date and time: both sort as text within the year.
        gte(timelineEvents.occurredAt, `${year}-01-01`),
        lt(timelineEvents.occurredAt, `${year + 1}-01-01`),
      );
      return db.select({ count: count() }).from(timelineEvents).where(where).get()?.count ?? 0;
    },

    /** Whether another employer (archived ones included: the column is unique) has this SIRET. */
    siretTaken(siret: string, exceptId?: string): boolean {
      const other = db
        .select({ id: employers.id })
        .from(employers)
        .where(and(eq(employers.siret, siret), exceptId ? ne(employers.id, exceptId) : undefined))
        .get();
      return other !== undefined;
    },

    page(input: ParsedInputOf<'employers.list'>) {
      const openNeeds = db.select({ id: jobNeeds.id }).from(jobNeeds).where(openNeedOf(employers.id));
      const where = and(
        matchesSearch(employers.seq, 'employer_search', input.query),
        archivedFilter(employers.archivedAt, input.archived),
        input.sectorId ? eq(employers.sectorId, input.sectorId) : undefined,
        input.charterSigned === 'yes' ? isNotNull(employers.charterSignedOn) : undefined,
        input.charterSigned === 'no' ? isNull(employers.charterSignedOn) : undefined,
        input.hasOpenNeeds === true ? exists(openNeeds) : undefined,
        input.hasOpenNeeds === false ? notExists(openNeeds) : undefined,
      );
      const direction = input.descending ? desc : asc;
      const rows = db
        .select(summaryColumns)
        .from(employers)
        .where(where)
        .orderBy(...EMPLOYER_SORTS[input.sort].map((column) => direction(column)), asc(employers.seq))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = db.select({ total: count() }).from(employers).where(where).get()?.total ?? 0;
      return { rows, total };
    },
  };
}
