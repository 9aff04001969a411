import { sql } from 'drizzle-orm';
import { type ReadDb, prepareRead } from '../db/handles';

/**
 * Where the data stands, as seen from this connection: the rows it has changed since it opened
 * (`total_changes()`, which only grows) and the commits of other connections it has seen
 * (`data_version`). The same mark twice: nothing was written in between. What a backup or an
 * analysis made at the first mark still holds at the second.
 */
export function dataMark(db: ReadDb): string {
  const { changes, version } = db.get<{ changes: number; version: number }>(
    sql`SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version`,
  );
  return `${changes}/${version}`;
}

/** Changes when another connection commits a write (this connection's own writes do not move it). */
export function committedVersion(db: ReadDb): number {
  return (prepareRead(db, 'SELECT data_version FROM pragma_data_version').pluck().get() as number) ?? 0;
}
