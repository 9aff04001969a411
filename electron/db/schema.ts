import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every record carries. `id` is a UUIDv7 (exchanged with partners); `origin` is the
 * association a record came from (null: created here); timestamps are ISO 8601 UTC text.
 */
const recordColumns = {
  id: text('id').notNull().unique(),
  origin: text('origin'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  archivedAt: text('archived_at'),
};

export const candidates = sqliteTable(
  'candidates',
  {
    // Stable integer rowid: the full-text index is keyed on it, and an INTEGER PRIMARY KEY
    // survives VACUUM where an implicit rowid may not. Never leaves the database.
    seq: integer('seq').primaryKey(),
    ...recordColumns,
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: text('birth_date'),
    phone: text('phone'),
    email: text('email'),
    commune: text('commune'),
    frenchLevel: text('french_level').notNull().default('not_assessed'),
  },
  (table) => [
    index('candidates_name_idx').on(table.lastName, table.firstName),
    index('candidates_archived_idx').on(table.archivedAt),
  ],
);
