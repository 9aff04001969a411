import { and, asc, count, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  Candidate,
  CandidateFields,
  CandidatePage,
  CandidateSummary,
} from '../../shared/candidates';
import type { ParsedInputOf } from '../../shared/api';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { candidates } from '../db/schema';
import { type Clock, newId, systemClock } from './clock';
import { toFtsQuery } from './search';

type CandidateRow = typeof candidates.$inferSelect;

function toCandidate(row: CandidateRow): Candidate {
  const { seq: _seq, frenchLevel, ...rest } = row;
  return { ...rest, frenchLevel: frenchLevel as Candidate['frenchLevel'] };
}

const summaryColumns = {
  id: candidates.id,
  firstName: candidates.firstName,
  lastName: candidates.lastName,
  birthDate: candidates.birthDate,
  phone: candidates.phone,
  email: candidates.email,
  commune: candidates.commune,
  frenchLevel: candidates.frenchLevel,
  archivedAt: candidates.archivedAt,
  updatedAt: candidates.updatedAt,
};

export function createCandidateService(db: Db, clock: Clock = systemClock) {
  const stamp = () => clock.now().toISOString();

  function find(id: string): Candidate {
    const row = db.select().from(candidates).where(eq(candidates.id, id)).get();
    if (!row) throw new AppError('not_found', 'errors.candidateNotFound');
    return toCandidate(row);
  }

  function setArchived(id: string, archived: boolean): Candidate {
    const current = find(id);
    if ((current.archivedAt !== null) === archived) return current;
    const now = stamp();
    const row = db
      .update(candidates)
      .set({ archivedAt: archived ? now : null, updatedAt: now })
      .where(eq(candidates.id, id))
      .returning()
      .get();
    return toCandidate(row);
  }

  return {
    create(fields: CandidateFields): Candidate {
      const now = stamp();
      const row = db
        .insert(candidates)
        .values({ ...fields, id: newId(), origin: null, createdAt: now, updatedAt: now })
        .returning()
        .get();
      return toCandidate(row);
    },

    update({ id, ...fields }: ParsedInputOf<'candidates.update'>): Candidate {
      const row = db
        .update(candidates)
        .set({ ...fields, updatedAt: stamp() })
        .where(eq(candidates.id, id))
        .returning()
        .get();
      if (!row) throw new AppError('not_found', 'errors.candidateNotFound');
      return toCandidate(row);
    },

    get: ({ id }: { id: string }) => find(id),

    list({ query, archived, limit, offset }: ParsedInputOf<'candidates.list'>): CandidatePage {
      const conditions: SQL[] = [];
      if (archived === 'active') conditions.push(isNull(candidates.archivedAt));
      if (archived === 'archived') conditions.push(isNotNull(candidates.archivedAt));
      const match = toFtsQuery(query);
      if (match) {
        conditions.push(sql`${candidates.seq} IN (SELECT rowid FROM candidate_search WHERE candidate_search MATCH ${match})`);
      }
      const where = and(...conditions);
      const items: CandidateSummary[] = db
        .select(summaryColumns)
        .from(candidates)
        .where(where)
        .orderBy(asc(candidates.lastName), asc(candidates.firstName), asc(candidates.seq))
        .limit(limit)
        .offset(offset)
        .all()
        .map((row) => ({ ...row, frenchLevel: row.frenchLevel as CandidateSummary['frenchLevel'] }));
      const total = db.select({ total: count() }).from(candidates).where(where).get()?.total ?? 0;
      return { items, total };
    },

    archive: ({ id }: { id: string }) => setArchived(id, true),
    restore: ({ id }: { id: string }) => setArchived(id, false),
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
