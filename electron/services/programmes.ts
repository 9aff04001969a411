import type { ParsedInputOf } from '../../shared/api';
import type { CandidateProgramme, Programme } from '../../shared/programmes';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { findCandidate } from '../store/candidates';
import {
  type ProgrammeRow,
  assertProgrammesExist,
  findProgramme,
  insertProgramme,
  listProgrammes,
  programmeNamed,
  programmesOfCandidate,
  renameProgramme,
  replaceCandidateProgrammes,
  setProgrammeArchived,
} from '../store/programmes';

const toProgramme = (row: ProgrammeRow): Programme => ({ id: row.id, name: row.name, archivedAt: row.archivedAt });

/** The programmes and funders an association reports to, and the files in each. */
export function createProgrammeService(db: WriteDb, clock: Clock = systemClock) {
  /** Two programmes of one name would be told apart by nobody. */
  function assertNameFree(name: string, except?: string): void {
    const other = programmeNamed(db, name);
    if (other && other.id !== except) refuse({ name: 'programmes.errors.exists' });
  }

  return {
    list: ({ includeArchived }: { includeArchived: boolean }): Programme[] => listProgrammes(db, { includeArchived }).map(toProgramme),
    create({ name }: { name: string }): Programme {
      assertNameFree(name);
      const { now } = moment(clock);
      return toProgramme(insertProgramme(db, { id: newId(), name, createdAt: now, updatedAt: now }));
    },
    rename({ id, name }: { id: string; name: string }): Programme {
      findProgramme(db, id);
      assertNameFree(name, id);
      return toProgramme(renameProgramme(db, id, name, moment(clock).now));
    },
    archive: ({ id }: { id: string }) => toProgramme(setProgrammeArchived(db, id, true, moment(clock).now)),
    restore: ({ id }: { id: string }) => toProgramme(setProgrammeArchived(db, id, false, moment(clock).now)),

    ofCandidate: ({ id }: { id: string }): CandidateProgramme[] => {
      findCandidate(db, id);
      return programmesOfCandidate(db, id);
    },

    /** Replaces the file's programmes; an archived programme the file already had may stay, no other may be added. */
    setForCandidate({ id, programmes }: ParsedInputOf<'programmes.setForCandidate'>): CandidateProgramme[] {
      const file = findCandidate(db, id);
      if (file.restrictedAt) throw new AppError('conflict', 'candidates.errors.restricted');
      const ids = programmes.map((item) => item.programmeId);
      assertProgrammesExist(db, ids, 'programmes');
      const had = new Set(programmesOfCandidate(db, id).map((item) => item.programmeId));
      const archived = new Set(listProgrammes(db, { includeArchived: true }).filter((row) => row.archivedAt !== null).map((row) => row.id));
      if (ids.some((programmeId) => archived.has(programmeId) && !had.has(programmeId))) refuse({ programmes: 'programmes.errors.archived' });
      replaceCandidateProgrammes(db, id, programmes);
      return programmesOfCandidate(db, id);
    },
  };
}
