import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp';
import { applyMigration, databaseBefore } from '../../support/migrations';

/**
 * One test per migration that writes data (seeds, an UPDATE, an INSERT … SELECT rebuilding an
 * index, an index on an expression), as Signal Desktop tests its own: a file at the step before,
 * rows as an older Tremplin wrote them (NULLs, archived files, accents), the migration, then the
 * exact rows it must leave.
 */

const AT = '2026-01-15T09:00:00.000Z';

function insert(sqlite: Database.Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  sqlite
    .prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`)
    .run(row);
}

const candidate = (id: string, firstName: string, lastName: string, more: Record<string, unknown> = {}) => ({
  id,
  first_name: firstName,
  last_name: lastName,
  created_at: AT,
  updated_at: AT,
  ...more,
});

describe('migrations that write data', () => {
  const tempDir = useTempDir();
  const fileBefore = (tag: string) => databaseBefore(path.join(tempDir(), 'tremplin.sqlite'), tag);

  it('0001_search_and_sectors seeds the ten sectors beside those already written', () => {
    const sqlite = fileBefore('0001_search_and_sectors');
    insert(sqlite, 'sectors', { id: 'own-sector', name: 'Économie sociale et solidaire', created_at: AT, updated_at: AT });
    applyMigration(sqlite, '0001_search_and_sectors');
    const seeded = ['logistics', 'agri_food', 'construction', 'cleaning', 'elderly_care', 'health', 'hospitality', 'industry', 'retail', 'temporary_work'];
    expect(sqlite.prepare('SELECT id, seed_key, name FROM sectors ORDER BY seq').all()).toEqual([
      { id: 'own-sector', seed_key: null, name: 'Économie sociale et solidaire' },
      ...seeded.map((key, index) => ({ id: `00000000-0000-7000-8000-0000000000${String(index + 1).padStart(2, '0')}`, seed_key: key, name: null })),
    ]);
    sqlite.close();
  });

  it('0003_candidate_last_contact sets each file’s last contact from its timeline, then triggers keep it', () => {
    const sqlite = fileBefore('0003_candidate_last_contact');
    insert(sqlite, 'candidates', candidate('amina', 'Amina', 'Diallo'));
    insert(sqlite, 'candidates', candidate('helene', 'Hélène', 'Moreau', { archived_at: AT }));
    insert(sqlite, 'candidates', candidate('jose', 'José', 'Gonçalves'));
    // A value no timeline backs (written by hand, or left by a bug) is recomputed, here to NULL.
    insert(sqlite, 'candidates', candidate('stale', 'Zoé', "N'Diaye", { last_contact_on: '2020-01-01' }));
    const event = (id: string, subjectType: string, subjectId: string, occurredAt: string) =>
      insert(sqlite, 'timeline_events', { id, subject_type: subjectType, subject_id: subjectId, kind: 'call', occurred_at: occurredAt, created_at: AT, updated_at: AT });
    event('e1', 'candidate', 'amina', '2026-03-04T10:00:00.000Z');
    event('e2', 'candidate', 'amina', '2026-05-01T23:30:00.000Z');
    event('e3', 'candidate', 'helene', '2025-12-31');
    // An employer's event never counts as a candidate's contact, even under the same id.
    event('e4', 'employer', 'jose', '2026-06-01T08:00:00.000Z');
    applyMigration(sqlite, '0003_candidate_last_contact');
    const lastContacts = () => sqlite.prepare('SELECT id, last_contact_on FROM candidates ORDER BY seq').raw().all();
    expect(lastContacts()).toEqual([
      ['amina', '2026-05-01'],
      ['helene', '2025-12-31'],
      ['jose', null],
      ['stale', null],
    ]);

    event('e5', 'candidate', 'amina', '2026-04-01T10:00:00.000Z'); // older: nothing changes
    event('e6', 'candidate', 'jose', '2026-07-14T12:00:00.000Z');
    sqlite.prepare("UPDATE timeline_events SET subject_id = 'stale' WHERE id = 'e3'").run();
    sqlite.prepare("DELETE FROM timeline_events WHERE id = 'e2'").run();
    expect(lastContacts()).toEqual([
      ['amina', '2026-04-01'],
      ['helene', null],
      ['jose', '2026-07-14'],
      ['stale', '2025-12-31'],
    ]);
    sqlite.close();
  });

  /** Files as the search triggers of 0001 index them: French and foreign phones, names given in other forms, NULLs, an archived file. */
  function searchedCandidates(sqlite: Database.Database) {
    insert(sqlite, 'candidates', candidate('helene', 'Hélène', 'Dupont', { other_names: '["Lena"]', email: 'helene.dupont@example.org', phone: '+33612345678' }));
    insert(sqlite, 'candidates', candidate('zoe', 'Zoé', "N'Diaye", { archived_at: AT }));
    insert(sqlite, 'candidates', candidate('mohamed', 'Mohamed', 'Ali', { other_names: '["Ahmed","Ahmad"]', phone: '(+221) 77-123.45.67', second_phone: '+33700000000' }));
  }
  const indexedText = [
    { rowid: 1, names: 'Hélène Dupont Lena', contact: 'helene.dupont@example.org +33612345678 33612345678   0612345678 ' },
    { rowid: 2, names: "Zoé N'Diaye ", contact: '      ' },
    { rowid: 3, names: 'Mohamed Ali Ahmed Ahmad', contact: ' (+221) 77-123.45.67 221771234567 +33700000000 33700000000  0700000000' },
  ];
  const found = (sqlite: Database.Database, match: string) =>
    sqlite.prepare('SELECT rowid FROM candidate_search WHERE candidate_search MATCH ? ORDER BY rowid').pluck().all(match);

  it('0006_search_prefixes rebuilds the candidates’ search index, with prefix indexes, from the files', () => {
    const sqlite = fileBefore('0006_search_prefixes');
    searchedCandidates(sqlite);
    applyMigration(sqlite, '0006_search_prefixes');
    expect(sqlite.prepare('SELECT rowid, names, contact FROM candidate_search ORDER BY rowid').all()).toEqual(indexedText);
    expect(found(sqlite, '"helene"*')).toEqual([1]);
    expect(found(sqlite, '"h"*')).toEqual([1]);
    expect(found(sqlite, '"06"*')).toEqual([1]);
    expect(found(sqlite, '"0700"*')).toEqual([3]);
    expect(found(sqlite, '"zoe"')).toEqual([2]);
    // The triggers of 0001 name the table, so they go on feeding the new one.
    sqlite.prepare("UPDATE candidates SET last_name = 'Moreau' WHERE id = 'helene'").run();
    expect(found(sqlite, 'names : "dupont"*')).toEqual([]);
    expect(found(sqlite, 'names : "mo"*')).toEqual([1, 3]);
    sqlite.close();
  });

  it('0007_search_archived_state rebuilds the search index with each file’s state, and its triggers follow archiving', () => {
    const sqlite = fileBefore('0007_search_archived_state');
    searchedCandidates(sqlite);
    applyMigration(sqlite, '0007_search_archived_state');
    expect(sqlite.prepare('SELECT rowid, names, contact, state FROM candidate_search ORDER BY rowid').all()).toEqual(
      indexedText.map((row) => ({ ...row, state: row.rowid === 2 ? 'archived' : '' })),
    );
    expect(found(sqlite, '"zoe"')).toEqual([2]);
    expect(found(sqlite, '"zoe" NOT state : archived')).toEqual([]);
    expect(found(sqlite, '("helene" OR "zoe" OR "mohamed") NOT state : archived')).toEqual([1, 3]);

    sqlite.prepare("UPDATE candidates SET archived_at = ? WHERE id = 'helene'").run(AT);
    sqlite.prepare("UPDATE candidates SET archived_at = NULL WHERE id = 'zoe'").run();
    insert(sqlite, 'candidates', candidate('jose', 'José', 'Gonçalves'));
    expect(sqlite.prepare('SELECT rowid, state FROM candidate_search ORDER BY rowid').raw().all()).toEqual([
      [1, 'archived'],
      [2, ''],
      [3, ''],
      [4, ''],
    ]);
    expect(found(sqlite, '"goncalves" NOT state : archived')).toEqual([4]);
    sqlite.close();
  });

  it('0008_trust_defects rebuilds the reminder indexes over the files, and records say no employer applies yet', () => {
    const sqlite = fileBefore('0008_trust_defects');
    const quiet = (id: string, lastContactOn: string | null, more: Record<string, unknown> = {}) =>
      insert(sqlite, 'candidates', candidate(id, 'Amina', id, { created_at: '2025-06-01T09:00:00.000Z', last_contact_on: lastContactOn, ...more }));
    quiet('contacted-in-january', '2026-01-10');
    quiet('never-contacted', null, { created_at: '2025-12-01T09:00:00.000Z' });
    quiet('archived', '2025-01-01', { archived_at: AT });
    quiet('contacted-lately', '2026-11-30');
    quiet('withdrew-consent', '2025-03-01', { consent_contact: 1, consent_withdrawn_on: '2025-04-01' });
    insert(sqlite, 'employers', { id: 'bakery', name: 'Boulangerie Müller', created_at: AT, updated_at: AT });
    insert(sqlite, 'placements', { id: 'pmsmp', candidate_id: 'never-contacted', kind: 'pmsmp', employer_id: 'bakery', start_date: '2026-02-01', end_date: '2026-02-14', created_at: AT, updated_at: AT });
    insert(sqlite, 'recruitments', { id: 'cdd', candidate_id: 'archived', kind: 'cdd', organisation: 'Mairie', start_date: '2026-03-01', created_at: AT, updated_at: AT });
    applyMigration(sqlite, '0008_trust_defects');

    expect(sqlite.prepare('SELECT id, employer_applying FROM placements').raw().all()).toEqual([['pmsmp', 0]]);
    expect(sqlite.prepare('SELECT id, employer_applying FROM recruitments').raw().all()).toEqual([['cdd', 0]]);
    // The files quiet since before a date, read through the hand-written expression index with
    // the dashboard's expression (electron/services/dashboard.ts): it must hold every file.
    const quietSince = 'coalesce(last_contact_on, substr(created_at, 1, 10))';
    const quietFiles = `SELECT id, ${quietSince} AS since FROM candidates INDEXED BY candidates_archived_quiet_idx
      WHERE archived_at IS NULL AND ${quietSince} <= '2026-09-01' ORDER BY ${quietSince}, seq`;
    expect(sqlite.prepare(quietFiles).raw().all()).toEqual([
      ['withdrew-consent', '2025-03-01'],
      ['never-contacted', '2025-12-01'],
      ['contacted-in-january', '2026-01-10'],
    ]);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${quietFiles}`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail)).toContain('SEARCH candidates USING INDEX candidates_archived_quiet_idx (archived_at=? AND <expr><?)');
    const withdrawn = sqlite
      .prepare("SELECT id FROM candidates INDEXED BY candidates_archived_expiry_status_idx WHERE archived_at IS NULL AND consent_withdrawn_on IS NOT NULL")
      .pluck()
      .all();
    expect(withdrawn).toEqual(['withdrew-consent']);
    sqlite.close();
  });
  it('0017_programmes_and_status_history records each file’s values since its creation, then triggers follow changes', () => {
    const sqlite = fileBefore('0017_programmes_and_status_history');
    insert(sqlite, 'candidates', candidate('amina', 'Amina', 'Diallo', { public_category: 'asylum_seeker', french_level: 'a1', created_at: '2025-03-02T08:00:00.000Z' }));
    insert(sqlite, 'candidates', candidate('jose', 'José', 'Gonçalves', { archived_at: AT }));
    applyMigration(sqlite, '0017_programmes_and_status_history');
    const history = () => sqlite.prepare('SELECT candidate_id, attribute, from_date, value FROM candidate_status_history ORDER BY candidate_id, attribute, from_date').raw().all();
    expect(history()).toEqual([
      ['amina', 'french_level', '2025-03-02', 'a1'],
      ['amina', 'public_category', '2025-03-02', 'asylum_seeker'],
      ['jose', 'french_level', '2026-01-15', 'not_assessed'],
      ['jose', 'public_category', '2026-01-15', null],
    ]);
    // A change is dated by the row's updated_at; a write that leaves a value as it was adds nothing.
    sqlite.prepare("UPDATE candidates SET public_category = 'refugee', updated_at = '2026-04-01T10:00:00.000Z' WHERE id = 'amina'").run();
    sqlite.prepare("UPDATE candidates SET french_level = 'not_assessed', commune = 'Lyon', updated_at = '2026-04-02T10:00:00.000Z' WHERE id = 'jose'").run();
    insert(sqlite, 'candidates', candidate('new', 'Zoé', "N'Diaye", { french_level: 'b1' }));
    expect(history()).toEqual([
      ['amina', 'french_level', '2025-03-02', 'a1'],
      ['amina', 'public_category', '2025-03-02', 'asylum_seeker'],
      ['amina', 'public_category', '2026-04-01', 'refugee'],
      ['jose', 'french_level', '2026-01-15', 'not_assessed'],
      ['jose', 'public_category', '2026-01-15', null],
      ['new', 'french_level', '2026-01-15', 'b1'],
      ['new', 'public_category', '2026-01-15', null],
    ]);
    // Erasure deletes the file's history with it.
    sqlite.pragma('foreign_keys = ON');
    sqlite.prepare("DELETE FROM candidates WHERE id = 'amina'").run();
    expect(sqlite.prepare("SELECT count(*) FROM candidate_status_history WHERE candidate_id = 'amina'").pluck().get()).toBe(0);
    sqlite.close();
  });

  it('0019_sheet_import_merges gives each record an import merged into its kind and the fields it filled, in columns of their own', () => {
    const sqlite = fileBefore('0019_sheet_import_merges');
    insert(sqlite, 'sheet_imports', { id: 'imp', file_name: 'suivi.xlsx', imported_at: AT });
    insert(sqlite, 'sheet_import_records', { import_id: 'imp', record_type: 'candidate', record_id: 'new-file' });
    insert(sqlite, 'sheet_import_records', { import_id: 'imp', record_type: 'partner', record_id: 'new-partner' });
    insert(sqlite, 'sheet_import_records', { import_id: 'imp', record_type: 'merged:candidate:phone,email,commune', record_id: 'old-file' });
    insert(sqlite, 'sheet_import_records', { import_id: 'imp', record_type: 'merged:jobNeed:hoursPerWeek', record_id: 'old-need' });
    applyMigration(sqlite, '0019_sheet_import_merges');
    expect(sqlite.prepare('SELECT record_type, record_id, kind, filled_fields FROM sheet_import_records ORDER BY record_id').raw().all()).toEqual([
      ['candidate', 'new-file', 'created', null],
      ['partner', 'new-partner', 'created', null],
      ['candidate', 'old-file', 'merged', '["phone","email","commune"]'],
      ['jobNeed', 'old-need', 'merged', '["hoursPerWeek"]'],
    ]);
    sqlite.close();
  });

  it('0021_timeline_by_file keeps every event, now side by side by file, and its triggers as they were', () => {
    const sqlite = fileBefore('0021_timeline_by_file');
    insert(sqlite, 'candidates', candidate('amina', 'Amina', 'Diallo'));
    insert(sqlite, 'candidates', candidate('zoe', 'Zoé', "N'Diaye"));
    const columns = ['id', 'origin', 'subject_type', 'subject_id', 'kind', 'occurred_at', 'author', 'text', 'created_at', 'updated_at'];
    // Written one file after the other, as a drop-in session does.
    const events = [
      ['e3', null, 'candidate', 'zoe', 'call', '2026-01-10T09:00:00.000Z', 'Léa', 'Rappel à faire « vendredi »', AT, AT],
      ['e1', 'partner-association', 'candidate', 'amina', 'meeting', '2026-02-01T10:00:00.000Z', null, null, AT, '2026-02-02T08:00:00.000Z'],
      ['e4', null, 'employer', 'amina', 'call', '2026-03-01T10:00:00.000Z', 'Léa', 'Même id, autre sujet', AT, AT],
      ['e2', null, 'candidate', 'amina', 'call', '2026-01-05T10:00:00.000Z', 'Léa', 'Premier appel', AT, AT],
    ];
    for (const values of events) insert(sqlite, 'timeline_events', Object.fromEntries(columns.map((column, index) => [column, values[index]])));
    // Restricted once its events are written: it takes no more.
    sqlite.prepare("UPDATE candidates SET restricted_at = ? WHERE id = 'zoe'").run(AT);
    applyMigration(sqlite, '0021_timeline_by_file');

    expect(sqlite.prepare("SELECT wr FROM pragma_table_list('timeline_events')").pluck().get()).toBe(1);
    // A table WITHOUT ROWID is read in the order of its key: by subject, file, then event.
    expect(sqlite.prepare(`SELECT ${columns.join(', ')} FROM timeline_events`).raw().all()).toEqual([
      events[1],
      events[3],
      events[0],
      events[2],
    ]);
    const write = sqlite.prepare(`INSERT INTO timeline_events (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    expect(() => write.run('e1', null, 'candidate', 'jose', 'call', AT, null, null, AT, AT)).toThrow(/UNIQUE constraint failed: timeline_events.id/);
    // The triggers: a contact moves the file's last contact; a restricted file takes no event.
    write.run('e5', null, 'candidate', 'amina', 'call', '2026-04-01T10:00:00.000Z', null, null, AT, AT);
    expect(sqlite.prepare("SELECT last_contact_on FROM candidates WHERE id = 'amina'").pluck().get()).toBe('2026-04-01');
    sqlite.prepare("DELETE FROM timeline_events WHERE id = 'e5'").run();
    expect(sqlite.prepare("SELECT last_contact_on FROM candidates WHERE id = 'amina'").pluck().get()).toBe('2026-02-01');
    expect(() => write.run('e6', null, 'candidate', 'zoe', 'call', AT, null, null, AT, AT)).toThrow(/candidate_restricted/);
    sqlite.close();
  });
});
