import { type SQL, and, asc, count, desc, eq, exists, gte, inArray, isNotNull, isNull, lt, ne, notExists, sql } from 'drizzle-orm';
import type { SQLiteColumn, } from 'drizzle-orm/sqlite-core';
import type { ParsedInputOf } from '../../shared/api';
import type { FrenchLevel } from '../../shared/candidates';
import { COMPANY_CONTACT_KINDS, type ContractType, type JobNeedState } from '../../shared/domain';
import {
  type Employer,
  type EmployerPage,
  type EmployerSummary,
  type JobNeed,
  type JobNeedPage,
  jobNeedConsistencyErrors,
} from '../../shared/employers';
import { AppError, refuse } from '../core/errors';
import type { Db } from '../db/open';
import { employerContacts, employers, jobNeeds, sectors, timelineEvents } from '../db/schema';
import { type Clock, newId, systemClock, moment } from '../core/clock';
import { recordWithContacts } from '../store/contacts';
import { archivedFilter, assertReferencesExist, findRow, matchesSearch, setArchived } from '../store/records';

type EmployerRow = typeof employers.$inferSelect;
type JobNeedRow = typeof jobNeeds.$inferSelect;

const EMPLOYER_NOT_FOUND = 'employers.errors.notFound';
const JOB_NEED_NOT_FOUND = 'employers.errors.jobNeedNotFound';

// ---------------------------------------------------------------- Job needs

const jobNeedColumns = { need: jobNeeds, employerName: employers.name };

function toJobNeed({ need, employerName }: { need: JobNeedRow; employerName: string }): JobNeed {
  const { seq: _seq, ...columns } = need;
  return {
    ...columns,
    employerName,
    contractType: columns.contractType as ContractType,
    minFrenchLevel: columns.minFrenchLevel as FrenchLevel | null,
    state: columns.state as JobNeedState,
  };
}

/** A need counts as open when its state is open and it is not archived. */
const isOpenNeed = and(eq(jobNeeds.state, 'open'), isNull(jobNeeds.archivedAt));

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

export function createJobNeedService(db: Db, clock: Clock = systemClock) {
  function select(where: SQL | undefined) {
    return db.select(jobNeedColumns).from(jobNeeds).innerJoin(employers, eq(employers.id, jobNeeds.employerId)).where(where);
  }

  const byId = select(eq(jobNeeds.id, sql.placeholder('id'))).prepare();
  const get = (id: string): JobNeed => {
    const found = byId.get({ id });
    if (!found) throw new AppError('not_found', JOB_NEED_NOT_FOUND);
    return toJobNeed(found);
  };

  function checkConsistency(need: Parameters<typeof jobNeedConsistencyErrors>[0]) {
    const errors = jobNeedConsistencyErrors(need);
    if (Object.keys(errors).length > 0) refuse(errors);
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    /** The employer's needs that are not archived, newest first. */
    ofEmployer: (employerId: string): JobNeed[] =>
      select(and(eq(jobNeeds.employerId, employerId), isNull(jobNeeds.archivedAt)))
        .orderBy(desc(jobNeeds.createdAt), desc(jobNeeds.seq))
        .all()
        .map(toJobNeed),

    /** For an employer that exists and is not archived; without a sector, the need takes the employer's. */
    create(input: ParsedInputOf<'jobNeeds.create'>): JobNeed {
      const employer = db.select().from(employers).where(eq(employers.id, input.employerId)).get();
      if (!employer) refuse({ employerId: 'validation.unknownReference' });
      if (employer.archivedAt) refuse({ employerId: 'employers.validation.employerArchived' });
      checkConsistency({ contractType: input.contractType, startDate: input.startDate ?? null, endDate: input.endDate ?? null });
      assertReferencesExist(db, sectors, [input.sectorId], 'sectorId');
      const id = newId();
      const { now } = moment(clock);
      db.insert(jobNeeds)
        .values({ ...input, sectorId: input.sectorId === undefined ? employer.sectorId : input.sectorId, id, createdAt: now, updatedAt: now })
        .run();
      return get(id);
    },

    /** Changes only the fields sent; the whole need is checked again. */
    update({ id, ...patch }: ParsedInputOf<'jobNeeds.update'>): JobNeed {
      const current = findRow(db, jobNeeds, id, JOB_NEED_NOT_FOUND);
      checkConsistency({
        contractType: patch.contractType ?? (current.contractType as ContractType),
        startDate: patch.startDate === undefined ? current.startDate : patch.startDate,
        endDate: patch.endDate === undefined ? current.endDate : patch.endDate,
      });
      assertReferencesExist(db, sectors, [patch.sectorId], 'sectorId');
      db.update(jobNeeds)
        .set({ ...patch, updatedAt: moment(clock).now })
        .where(eq(jobNeeds.id, id))
        .run();
      return get(id);
    },

    /** Setting the state it already has changes nothing (not even updatedAt). */
    setState({ id, state }: ParsedInputOf<'jobNeeds.setState'>): JobNeed {
      const current = findRow(db, jobNeeds, id, JOB_NEED_NOT_FOUND);
      if (current.state !== state) db.update(jobNeeds).set({ state, updatedAt: moment(clock).now }).where(eq(jobNeeds.id, id)).run();
      return get(id);
    },

    list(input: ParsedInputOf<'jobNeeds.list'>): JobNeedPage {
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
      const items = select(where)
        .orderBy(
          // Needs without a start date go last, whatever the direction.
          ...(input.sort === 'start' ? [sql`${jobNeeds.startDate} IS NULL`] : []),
          ...JOB_NEED_SORTS[input.sort].map((column) => direction(column)),
          direction(jobNeeds.seq),
        )
        .limit(input.limit)
        .offset(input.offset)
        .all()
        .map(toJobNeed);
      const total =
        db.select({ total: count() }).from(jobNeeds).innerJoin(employers, eq(employers.id, jobNeeds.employerId)).where(where).get()?.total ?? 0;
      return { items, total };
    },

    archive({ id }: { id: string }): JobNeed {
      setArchived(db, jobNeeds, id, true, moment(clock).now, JOB_NEED_NOT_FOUND);
      return get(id);
    },

    restore({ id }: { id: string }): JobNeed {
      setArchived(db, jobNeeds, id, false, moment(clock).now, JOB_NEED_NOT_FOUND);
      return get(id);
    },
  };
}

// ---------------------------------------------------------------- Employers

const EMPLOYER_SORTS = {
  name: [employers.name],
  updated: [employers.updatedAt],
  created: [employers.createdAt],
} as const;

const openNeedOf = (employerId: SQLiteColumn) => and(eq(jobNeeds.employerId, employerId), isOpenNeed);

export function createEmployerService(db: Db, clock: Clock = systemClock) {
  const needs = createJobNeedService(db, clock);
  const records = recordWithContacts(db, employers, employerContacts, employerContacts.employerId, (employerId, contact, position) => ({
    ...contact,
    employerId,
    position,
  }));

  const summaryColumns = {
    id: employers.id,
    name: employers.name,
    siret: employers.siret,
    sectorId: employers.sectorId,
    postalCode: employers.postalCode,
    commune: employers.commune,
    charterSignedOn: employers.charterSignedOn,
    openNeeds: db.$count(jobNeeds, openNeedOf(employers.id)),
    archivedAt: employers.archivedAt,
    updatedAt: employers.updatedAt,
  };

  /** Calls, meetings and messages with the employer in the clock's calendar year. */
  function companyContacts(employerId: string): Employer['companyContacts'] {
    const year = clock.now().getUTCFullYear();
    const where = and(
      eq(timelineEvents.subjectType, 'employer'),
      eq(timelineEvents.subjectId, employerId),
      inArray(timelineEvents.kind, [...COMPANY_CONTACT_KINDS]),
      // occurredAt is a date or a date and time: both sort as text within the year.
      gte(timelineEvents.occurredAt, `${year}-01-01`),
      lt(timelineEvents.occurredAt, `${year + 1}-01-01`),
    );
    return { year, count: db.select({ count: count() }).from(timelineEvents).where(where).get()?.count ?? 0 };
  }

  function load(row: EmployerRow): Employer {
    const summary = db.select(summaryColumns).from(employers).where(eq(employers.id, row.id)).get() as EmployerSummary;
    return {
      ...summary,
      address: row.address,
      notes: row.notes,
      contacts: records.contactsOf(row.id),
      jobNeeds: needs.ofEmployer(row.id),
      companyContacts: companyContacts(row.id),
      origin: row.origin,
      createdAt: row.createdAt,
    };
  }

  const get = (id: string) => load(findRow(db, employers, id, EMPLOYER_NOT_FOUND));

  /** A SIRET names one employer (archived ones included: the column is unique). */
  function checkSiret(siret: string | null | undefined, exceptId?: string) {
    if (!siret) return;
    const other = db
      .select({ id: employers.id })
      .from(employers)
      .where(and(eq(employers.siret, siret), exceptId ? ne(employers.id, exceptId) : undefined))
      .get();
    if (other) refuse({ siret: 'employers.validation.siretTaken' });
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    /** The employer and its contacts, in one transaction. */
    create({ contacts, ...columns }: ParsedInputOf<'employers.create'>): Employer {
      checkSiret(columns.siret);
      assertReferencesExist(db, sectors, [columns.sectorId], 'sectorId');
      const id = newId();
      const { now } = moment(clock);
      records.insert({ ...columns, id, createdAt: now, updatedAt: now }, contacts);
      return get(id);
    },

    /** Changes only the fields sent; `contacts`, when sent, replaces the list, in the same transaction. */
    update({ id, contacts, ...columns }: ParsedInputOf<'employers.update'>): Employer {
      findRow(db, employers, id, EMPLOYER_NOT_FOUND);
      checkSiret(columns.siret, id);
      assertReferencesExist(db, sectors, [columns.sectorId], 'sectorId');
      records.update(id, { ...columns, updatedAt: moment(clock).now }, contacts);
      return get(id);
    },

    list(input: ParsedInputOf<'employers.list'>): EmployerPage {
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
      const items = db
        .select(summaryColumns)
        .from(employers)
        .where(where)
        .orderBy(...EMPLOYER_SORTS[input.sort].map((column) => direction(column)), asc(employers.seq))
        .limit(input.limit)
        .offset(input.offset)
        .all();
      const total = db.select({ total: count() }).from(employers).where(where).get()?.total ?? 0;
      return { items, total };
    },

    archive: ({ id }: { id: string }) => load(setArchived(db, employers, id, true, moment(clock).now, EMPLOYER_NOT_FOUND)),
    restore: ({ id }: { id: string }) => load(setArchived(db, employers, id, false, moment(clock).now, EMPLOYER_NOT_FOUND)),

    jobNeeds: needs,
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;
