import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/open';
import { candidates } from '../db/schema';
import { currentCaller } from './caller';

/**
 * A volunteer's scope, applied by the store's own queries so that no list, search, count or
 * lookup can reach past it: the candidates assigned to them or to one of their pairs, those
 * with a sector of one of their pairs (active pairs), and those seen at a drop-in session they
 * attended. Other roles (and calls outside the API) see every file. A record of a file outside
 * the scope is answered exactly as one that does not exist.
 */

/** The volunteer whose scope limits the current call; undefined when nothing limits it (null: a volunteer account tied to no volunteer, who sees no file). */
function scopedVolunteer(): string | null | undefined {
  const caller = currentCaller();
  return caller?.role === 'volunteer' ? caller.volunteerId : undefined;
}

const pairsOf = (volunteerId: string) =>
  sql`SELECT id FROM pairs WHERE archived_at IS NULL AND (first_volunteer_id = ${volunteerId} OR second_volunteer_id = ${volunteerId})`;

/** The ids of the files in the volunteer's scope (indexes: assigned pair, candidate_sectors' sector, session_visits' session). */
function scopeIds(volunteerId: string): SQL {
  return sql`SELECT id FROM candidates WHERE assigned_volunteer_id = ${volunteerId} OR assigned_pair_id IN (${pairsOf(volunteerId)})
    UNION SELECT candidate_sectors.candidate_id FROM candidate_sectors JOIN pairs ON pairs.sector_id = candidate_sectors.sector_id
      WHERE pairs.id IN (${pairsOf(volunteerId)})
    UNION SELECT session_visits.candidate_id FROM session_visits JOIN session_volunteers ON session_volunteers.session_id = session_visits.session_id
      WHERE session_volunteers.volunteer_id = ${volunteerId}`;
}

/** "This candidate id is within the caller's scope", or undefined when the caller sees every file. */
export function inCandidateScope(candidateId: SQLWrapper): SQL | undefined {
  const volunteerId = scopedVolunteer();
  if (volunteerId === undefined) return undefined;
  if (volunteerId === null) return sql`0`;
  return sql`${candidateId} IN (${scopeIds(volunteerId)})`;
}

/**
 * The scope of a table's rows: a file's own id, or the file a record belongs to (a column
 * named `candidateId`: presentations, placements, recruitments, visits). Undefined for tables
 * that are not about one person.
 */
export function inRecordScope(table: object): SQL | undefined {
  if (table === candidates) return inCandidateScope(candidates.id);
  const candidateId = (table as { candidateId?: SQLiteColumn }).candidateId;
  return candidateId ? inCandidateScope(candidateId) : undefined;
}

/**
 * Whether the caller may read this file's health note: a volunteer only when the file is
 * assigned to them or to one of their pairs (the scope by sector or by session is not enough).
 */
export function healthNoteVisible(db: Db, candidateId: string): boolean {
  const volunteerId = scopedVolunteer();
  if (volunteerId === undefined) return true;
  if (volunteerId === null) return false;
  const assigned = db.get<{ assigned: number }>(
    sql`SELECT EXISTS (SELECT 1 FROM candidates WHERE id = ${candidateId}
      AND (assigned_volunteer_id = ${volunteerId} OR assigned_pair_id IN (${pairsOf(volunteerId)}))) AS assigned`,
  );
  return assigned.assigned === 1;
}

/**
 * The ids of the files the caller may see, for what ranks files in memory (matching); undefined
 * when the caller sees every file.
 */
export function candidateIdsInScope(db: Db): ReadonlySet<string> | undefined {
  const volunteerId = scopedVolunteer();
  if (volunteerId === undefined) return undefined;
  if (volunteerId === null) return new Set();
  return new Set(db.values<[string]>(scopeIds(volunteerId)).map(([id]) => id));
}
