import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { SQL, getTableName, is } from 'drizzle-orm';
import { type SQLiteColumn, SQLiteSyncDialect, SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { ordinaryTables, virtualTables } from '../../../electron/db/baseline';
import { applyMigrations } from '../../../electron/db/migrations';
import * as schema from '../../../electron/db/schema';
import { useTempDir } from '../../support/temp';
import { columnsOf, fillEveryTable, foreignKeysOf, migrations } from '../../support/migrations';

/**
 * The chain of migrations is checked on the database it builds, not on its text: the schema
 * SQLite reports after the last one must be the one drizzle's schema declares (what every query
 * is written against), and each migration must keep the rows it finds.
 */

interface TableShape {
  columns: { name: string; type: string; notNull: boolean; default: unknown }[];
  primaryKey: string[];
  indexes: { name: string; unique: boolean; partial: boolean; columns: string[] }[];
  foreignKeys: { columns: string[]; table: string; to: string[]; onUpdate: string; onDelete: string }[];
}

/** Expressions compare whatever their quoting and spacing. */
const normalise = (expression: string) => expression.replaceAll(/[`"\s]/g, '').toLowerCase();
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** The value a DEFAULT clause stores, so `false` and `0`, `'[]'` and a JSON `[]` compare equal. */
function storedDefault(sqlite: Database.Database, clause: string | null): unknown {
  return clause === null ? null : sqlite.prepare(`SELECT ${clause}`).pluck().get();
}

/** The terms between the parentheses of a CREATE INDEX, split at their top-level commas. */
function indexTerms(createIndex: string): string[] {
  const start = createIndex.indexOf('(', createIndex.search(/\sON\s/i));
  const terms: string[] = [];
  let depth = 0;
  let term = '';
  for (const char of createIndex.slice(start + 1)) {
    if (char === '(') depth++;
    if (char === ')' && depth-- === 0) break;
    if (char === ',' && depth === 0) {
      terms.push(term);
      term = '';
    } else term += char;
  }
  return [...terms, term];
}

function realShape(sqlite: Database.Database, table: string): TableShape {
  const columns = columnsOf(sqlite, table);
  const indexes = (sqlite.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string; partial: number }[])
    // The automatic index of a text primary key is the primary key itself.
    .filter((index) => index.origin !== 'pk')
    .map((index) => {
      const sql = sqlite.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(index.name) as string;
      const keys = (sqlite.pragma(`index_xinfo("${index.name}")`) as { seqno: number; cid: number; name: string | null; key: number }[]).filter(
        (key) => key.key === 1,
      );
      // An expression term has no column name (cid -2): it is read from the index's definition.
      const terms = keys.map((key) => key.name ?? normalise(indexTerms(sql)[key.seqno] ?? ''));
      return { name: index.name, unique: index.unique === 1, partial: index.partial === 1, columns: terms };
    });
  const keys = new Map<number, TableShape['foreignKeys'][number]>();
  for (const key of foreignKeysOf(sqlite, table)) {
    const entry = keys.get(key.id) ?? { columns: [], table: key.table, to: [], onUpdate: key.on_update, onDelete: key.on_delete };
    entry.columns.push(key.from);
    entry.to.push(key.to);
    keys.set(key.id, entry);
  }
  return {
    columns: columns
      .map((column) => ({
        name: column.name,
        type: column.type.toLowerCase(),
        notNull: column.notnull === 1,
        default: storedDefault(sqlite, column.dflt_value),
      }))
      .sort(byName),
    primaryKey: columns
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name),
    indexes: indexes.sort(byName),
    foreignKeys: [...keys.values()].sort(byJson),
  };
}

const dialect = new SQLiteSyncDialect();
const sqlText = (expression: SQL) => dialect.sqlToQuery(expression).sql;
/** An index's expression as drizzle-kit writes it: columns without their table's name. */
const indexText = (expression: SQL) => dialect.sqlToQuery(expression, 'indexes').sql;

function declaredShape(sqlite: Database.Database, table: SQLiteTable): TableShape {
  const config = getTableConfig(table);
  const columnNames = (columns: SQLiteColumn[]) => columns.map((column) => column.name);
  // drizzle-kit writes a unique column or constraint as a unique index.
  const uniques = [
    ...config.columns
      .filter((column) => column.isUnique)
      .map((column) => ({ name: column.uniqueName ?? '', unique: true, partial: false, columns: [column.name] })),
    ...config.uniqueConstraints.map((constraint) => ({
      name: constraint.getName() ?? '',
      unique: true,
      partial: false,
      columns: columnNames(constraint.columns),
    })),
  ];
  return {
    columns: config.columns
      .map((column) => ({
        name: column.name,
        type: column.getSQLType().toLowerCase(),
        notNull: column.notNull,
        default:
          column.default === undefined
            ? null
            : is(column.default, SQL)
              ? storedDefault(sqlite, sqlText(column.default))
              : column.mapToDriverValue(column.default),
      }))
      .sort(byName),
    primaryKey: [
      ...config.columns.filter((column) => column.primary).map((column) => column.name),
      ...config.primaryKeys.flatMap((key) => columnNames(key.columns)),
    ],
    indexes: [
      ...uniques,
      ...config.indexes.map(({ config: index }) => ({
        name: index.name,
        unique: index.unique,
        partial: index.where !== undefined,
        columns: index.columns.map((column) => (is(column, SQL) ? normalise(indexText(column)) : column.name)),
      })),
    ].sort(byName),
    foreignKeys: config.foreignKeys
      .map((key) => {
        const reference = key.reference();
        return {
          columns: columnNames(reference.columns),
          table: getTableName(reference.foreignTable),
          to: columnNames(reference.foreignColumns),
          onUpdate: (key.onUpdate ?? 'no action').toUpperCase(),
          onDelete: (key.onDelete ?? 'no action').toUpperCase(),
        };
      })
      .sort(byJson),
  };
}

const declaredTables = Object.values(schema as Record<string, unknown>).filter((value): value is SQLiteTable => is(value, SQLiteTable));

/**
 * What drizzle's schema does not declare: the full-text indexes, each fed by triggers on its
 * table, and the triggers that keep a candidate's last contact. A migration that adds or drops one
 * says so here.
 */
const searchIndexes = { candidate_search: 'candidates', employer_search: 'employers', partner_search: 'partners', volunteer_search: 'volunteers' };
const triggers = {
  candidates_last_contact_delete: 'timeline_events',
  candidates_last_contact_insert: 'timeline_events',
  candidates_last_contact_update: 'timeline_events',
  candidates_search_delete: 'candidates',
  candidates_search_insert: 'candidates',
  candidates_search_update: 'candidates',
  employers_search_delete: 'employers',
  employers_search_insert: 'employers',
  employers_search_update: 'employers',
  partners_search_delete: 'partners',
  partners_search_insert: 'partners',
  partners_search_update: 'partners',
  volunteers_search_delete: 'volunteers',
  volunteers_search_insert: 'volunteers',
  volunteers_search_update: 'volunteers',
  // Restriction (GDPR art. 18, migration 0013): writes about a frozen file are refused.
  candidates_restricted_update: 'candidates',
  follow_ups_restricted_insert: 'follow_ups',
  follow_ups_restricted_update: 'follow_ups',
  placements_restricted_insert: 'placements',
  placements_restricted_update: 'placements',
  presentations_restricted_insert: 'presentations',
  presentations_restricted_update: 'presentations',
  recruitments_restricted_insert: 'recruitments',
  recruitments_restricted_update: 'recruitments',
  session_visits_restricted_insert: 'session_visits',
  session_visits_restricted_update: 'session_visits',
  timeline_events_restricted_insert: 'timeline_events',
  timeline_events_restricted_update: 'timeline_events',
  // The public category and French level a file held, day by day (migration 0017).
  candidate_status_history_insert: 'candidates',
  candidate_status_history_category: 'candidates',
  candidate_status_history_french: 'candidates',
};

/**
 * Migrations that rewrite values already in a table, and the columns they may rewrite, each with a
 * data test in migration-data.test.ts saying exactly how. The other migrations that write data
 * (0001's seeds, the search index 0006 and 0007 rebuild) only add to what was there: the test below
 * holds them to that, and their data tests to the exact rows.
 */
const rewrites: Record<string, Record<string, string[]>> = {
  '0003_candidate_last_contact': { candidates: ['last_contact_on'] },
};

interface TableRows {
  /** The columns compared: a full-text index's rowid is one (the seq of the row it indexes). */
  columns: string[];
  rows: Record<string, unknown>[];
}

function readRows(sqlite: Database.Database, table: string): TableRows {
  const virtual = virtualTables(sqlite).includes(table);
  const columns = [...(virtual ? ['rowid'] : []), ...columnsOf(sqlite, table).map((column) => column.name)];
  const list = columns.map((column) => `"${column}"`).join(', ');
  return { columns, rows: sqlite.prepare(`SELECT ${list} FROM "${table}"`).all() as Record<string, unknown>[] };
}

const asJson = (rows: Record<string, unknown>[], columns: string[]) => rows.map((row) => JSON.stringify(columns.map((column) => row[column])));

/** Rows of `before` that `after` does not hold (as many times as before), on the given columns. */
function missingRows(before: Record<string, unknown>[], after: Record<string, unknown>[], columns: string[]): string[] {
  const left = new Map<string, number>();
  for (const row of asJson(after, columns)) left.set(row, (left.get(row) ?? 0) + 1);
  return asJson(before, columns).filter((row) => {
    const count = left.get(row) ?? 0;
    left.set(row, count - 1);
    return count === 0;
  });
}

describe('the chain of migrations', () => {
  const tempDir = useTempDir();

  it('builds, on a fresh file, exactly the schema drizzle declares: tables, columns, types, defaults, keys, indexes', () => {
    const sqlite = new Database(path.join(tempDir(), 'tremplin.sqlite'));
    applyMigrations(sqlite, migrations);
    const real = Object.fromEntries(ordinaryTables(sqlite).map((table) => [table, realShape(sqlite, table)]));
    const declared = Object.fromEntries(
      declaredTables.map((table) => [getTableName(table), declaredShape(sqlite, table)] as const).sort(([a], [b]) => a.localeCompare(b)),
    );
    expect(Object.keys(real)).toEqual(Object.keys(declared));
    for (const [table, shape] of Object.entries(declared)) expect(real[table], table).toEqual(shape);
    sqlite.close();
  });

  it("keeps drizzle-kit's snapshots in one chain, each the child of the one before, so that `drizzle-kit generate` can write the next", () => {
    const meta = path.join(process.cwd(), 'resources', 'migrations', 'meta');
    const journal = JSON.parse(readFileSync(path.join(meta, '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
    const snapshots = journal.entries.map((entry) => {
      const snapshot = JSON.parse(readFileSync(path.join(meta, `${String(entry.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as { id: string; prevId: string };
      return { tag: entry.tag, id: snapshot.id, prevId: snapshot.prevId };
    });
    expect(snapshots.length).toBe(migrations.length);
    for (const [index, snapshot] of snapshots.entries()) expect(snapshot.prevId, snapshot.tag).toBe(index === 0 ? '00000000-0000-0000-0000-000000000000' : snapshots[index - 1]?.id);
  });

  it('leaves the search indexes and triggers listed, each index in step with its table through inserts, updates and deletes', () => {
    const sqlite = new Database(path.join(tempDir(), 'tremplin.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    applyMigrations(sqlite, migrations);
    expect(virtualTables(sqlite)).toEqual(Object.keys(searchIndexes));
    const realTriggers = sqlite.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").raw().all();
    expect(Object.fromEntries(realTriggers as [string, string][])).toEqual(triggers);

    const inStep = () => {
      for (const [index, table] of Object.entries(searchIndexes)) {
        const indexed = sqlite.prepare(`SELECT rowid FROM "${index}" ORDER BY rowid`).pluck().all();
        expect(indexed, index).toEqual(sqlite.prepare(`SELECT rowid FROM "${table}" ORDER BY rowid`).pluck().all());
      }
    };
    // Writing to every table fires every trigger: one naming a column that is gone fails here.
    fillEveryTable(sqlite, 0);
    fillEveryTable(sqlite, 1);
    inStep();
    for (const table of new Set(Object.values(triggers))) {
      const columns = columnsOf(sqlite, table).map((column) => `"${column.name}" = "${column.name}"`);
      sqlite.prepare(`UPDATE "${table}" SET ${columns.join(', ')}`).run();
    }
    inStep();
    // Other tables point at these rows: the deletes are about the triggers, not the foreign keys.
    sqlite.pragma('foreign_keys = OFF');
    for (const table of Object.values(searchIndexes)) sqlite.prepare(`DELETE FROM "${table}" WHERE rowid % 2 = 0`).run();
    inStep();
    sqlite.close();
  });

  it('applies each migration to the file the previous ones left, with rows in every table, and keeps every row and column', () => {
    const sqlite = new Database(path.join(tempDir(), 'tremplin.sqlite'));
    // As the app migrates (db/open.ts): with foreign keys on, a rebuilt table would take its children with it.
    sqlite.pragma('foreign_keys = ON');
    const everyTable = () => [...ordinaryTables(sqlite), ...virtualTables(sqlite)];
    for (const [step, migration] of migrations.entries()) {
      const before = new Map(everyTable().map((table) => [table, readRows(sqlite, table)]));
      applyMigrations(sqlite, [migration]);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(step + 1);
      const tables = everyTable();
      for (const [table, { columns, rows }] of before) {
        const where = `${migration.tag}: ${table}`;
        expect(tables.includes(table), `${where} is gone`).toBe(true);
        const after = readRows(sqlite, table);
        expect(columns.filter((column) => !after.columns.includes(column)), `${where} lost columns`).toEqual([]);
        const rewritten = rewrites[migration.tag]?.[table] ?? [];
        const compared = columns.filter((column) => !rewritten.includes(column));
        expect(missingRows(rows, after.rows, compared), `${where} lost rows`).toEqual([]);
      }
      expect(sqlite.pragma('foreign_key_check'), migration.tag).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true }), migration.tag).toBe('ok');
      fillEveryTable(sqlite, step);
    }
    sqlite.close();
  });
});
