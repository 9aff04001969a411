import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReadDb, WriteDb } from '../db/handles';
import { settings } from '../db/schema';

/**
 * The installation's settings, one JSON value per key. A stored value that no longer fits
 * its schema (written by a newer version, edited by hand) reads as absent, never as a crash.
 */
export function readSetting<Schema extends z.ZodType>(db: ReadDb, key: string, schema: Schema): z.output<Schema> | null {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (!row) return null;
  const parsed = schema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

export function writeSetting(db: WriteDb, key: string, value: unknown): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
