import type { ParsedInputOf } from '../../shared/api';
import type { FrenchLevel } from '../../shared/candidates';
import type { ContractType, JobNeedState } from '../../shared/domain';
import {
  type Employer,
  type EmployerPage,
  type EmployerSummary,
  type JobNeed,
  type JobNeedPage,
  jobNeedConsistencyErrors,
} from '../../shared/employers';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import {
  type EmployerRow,
  type JobNeedRow,
  createEmployerStore,
  createJobNeedStore,
  insertEmployer,
  insertJobNeed,
  setEmployerArchived,
  setJobNeedArchived,
  updateEmployer,
  updateJobNeed,
} from '../store/employers';
import { assertSectorsExist } from '../store/sectors';

const JOB_NEED_NOT_FOUND = 'employers.errors.jobNeedNotFound';

// ---------------------------------------------------------------- Job needs

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

export function createJobNeedService(db: WriteDb, clock: Clock = systemClock) {
  const store = createJobNeedStore(db);

  const get = (id: string): JobNeed => {
    const found = store.withEmployerName(id);
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
    ofEmployer: (employerId: string): JobNeed[] => store.ofEmployer(employerId).map(toJobNeed),

    /** For an employer that exists and is not archived; without a sector, the need takes the employer's. */
    create(input: ParsedInputOf<'jobNeeds.create'>): JobNeed {
      const employer = store.employer(input.employerId);
      if (!employer) refuse({ employerId: 'common.errors.notFound' });
      if (employer.archivedAt) refuse({ employerId: 'employers.errors.employerArchived' });
      checkConsistency({ contractType: input.contractType, startDate: input.startDate ?? null, endDate: input.endDate ?? null });
      assertSectorsExist(db, [input.sectorId], 'sectorId');
      const id = newId();
      const { now } = moment(clock);
      insertJobNeed(db, { ...input, sectorId: input.sectorId === undefined ? employer.sectorId : input.sectorId, id, createdAt: now, updatedAt: now });
      return get(id);
    },

    /** Changes only the fields sent; the whole need is checked again. */
    update({ id, ...patch }: ParsedInputOf<'jobNeeds.update'>): JobNeed {
      const current = store.find(id);
      checkConsistency({
        contractType: patch.contractType ?? (current.contractType as ContractType),
        startDate: patch.startDate === undefined ? current.startDate : patch.startDate,
        endDate: patch.endDate === undefined ? current.endDate : patch.endDate,
      });
      assertSectorsExist(db, [patch.sectorId], 'sectorId');
      updateJobNeed(db, id, { ...patch, updatedAt: moment(clock).now });
      return get(id);
    },

    /** Setting the state it already has changes nothing (not even updatedAt). */
    setState({ id, state }: ParsedInputOf<'jobNeeds.setState'>): JobNeed {
      const current = store.find(id);
      if (current.state !== state) updateJobNeed(db, id, { state, updatedAt: moment(clock).now });
      return get(id);
    },

    list(input: ParsedInputOf<'jobNeeds.list'>): JobNeedPage {
      const { rows, total } = store.page(input);
      return { items: rows.map(toJobNeed), total };
    },

    archive({ id }: { id: string }): JobNeed {
      setJobNeedArchived(db, id, true, moment(clock).now);
      return get(id);
    },

    restore({ id }: { id: string }): JobNeed {
      setJobNeedArchived(db, id, false, moment(clock).now);
      return get(id);
    },
  };
}

// ---------------------------------------------------------------- Employers

export function createEmployerService(db: WriteDb, clock: Clock = systemClock) {
  const needs = createJobNeedService(db, clock);
  const store = createEmployerStore(db);

  /** Calls, meetings and messages with the employer in the clock's calendar year. */
  function companyContacts(employerId: string): Employer['companyContacts'] {
    const year = clock.now().getUTCFullYear();
    return { year, count: store.companyContactCount(employerId, year) };
  }

  function load(row: EmployerRow): Employer {
    const summary = store.summaryOf(row.id) as EmployerSummary;
    return {
      ...summary,
      address: row.address,
      notes: row.notes,
      contacts: store.contactsOf(row.id),
      jobNeeds: needs.ofEmployer(row.id),
      companyContacts: companyContacts(row.id),
      origin: row.origin,
      createdAt: row.createdAt,
    };
  }

  const get = (id: string) => load(store.find(id));

  /** A SIRET names one employer (archived ones included: the column is unique). */
  function checkSiret(siret: string | null | undefined, exceptId?: string) {
    if (!siret) return;
    if (store.siretTaken(siret, exceptId)) refuse({ siret: 'employers.errors.siretTaken' });
  }

  return {
    get: ({ id }: { id: string }) => get(id),

    /** The employer and its contacts, in one transaction. */
    create({ contacts, ...columns }: ParsedInputOf<'employers.create'>): Employer {
      checkSiret(columns.siret);
      assertSectorsExist(db, [columns.sectorId], 'sectorId');
      const id = newId();
      const { now } = moment(clock);
      insertEmployer(db, { ...columns, id, createdAt: now, updatedAt: now }, contacts);
      return get(id);
    },

    /** Changes only the fields sent; `contacts`, when sent, replaces the list, in the same transaction. */
    update({ id, contacts, ...columns }: ParsedInputOf<'employers.update'>): Employer {
      store.find(id);
      checkSiret(columns.siret, id);
      assertSectorsExist(db, [columns.sectorId], 'sectorId');
      updateEmployer(db, id, { ...columns, updatedAt: moment(clock).now }, contacts);
      return get(id);
    },

    list(input: ParsedInputOf<'employers.list'>): EmployerPage {
      const { rows, total } = store.page(input);
      return { items: rows, total };
    },

    archive: ({ id }: { id: string }) => load(setEmployerArchived(db, id, true, moment(clock).now)),
    restore: ({ id }: { id: string }) => load(setEmployerArchived(db, id, false, moment(clock).now)),

    jobNeeds: needs,
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;
