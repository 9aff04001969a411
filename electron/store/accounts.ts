import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { AccountSummary } from '../../shared/accounts';
import type { ReadDb, WriteDb } from '../db/handles';
import { accounts, volunteers } from '../db/schema';

/** The accounts that sign in (see the table in db/schema.ts). */

export type AccountRow = typeof accounts.$inferSelect;

export function toSummary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    volunteerId: row.volunteerId,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

export function accountById(db: ReadDb, id: string): AccountRow | undefined {
  return db.select().from(accounts).where(eq(accounts.id, id)).get();
}

export function listAccounts(db: ReadDb, { includeDisabled }: { includeDisabled: boolean }): AccountRow[] {
  return db
    .select()
    .from(accounts)
    .where(includeDisabled ? undefined : isNull(accounts.disabledAt))
    .orderBy(asc(accounts.name))
    .all();
}

export function countAccounts(db: ReadDb): number {
  return db.select({ total: count() }).from(accounts).get()?.total ?? 0;
}

/** Administrators that can still sign in: the last one may be neither disabled nor demoted. */
export function countActiveAdministrators(db: ReadDb): number {
  return db.select({ total: count() }).from(accounts).where(and(eq(accounts.role, 'administrator'), isNull(accounts.disabledAt))).get()?.total ?? 0;
}

export function insertAccount(db: WriteDb, row: AccountRow): void {
  db.insert(accounts).values(row).run();
}

export function updateAccount(db: WriteDb, id: string, changes: Partial<Pick<AccountRow, 'role' | 'volunteerId' | 'disabledAt' | 'lastSignInAt'>>): void {
  db.update(accounts).set(changes).where(eq(accounts.id, id)).run();
}

export function volunteerExists(db: ReadDb, id: string): boolean {
  return db.select({ id: volunteers.id }).from(volunteers).where(eq(volunteers.id, id)).get() !== undefined;
}
