import { type Column, and, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ExchangedRecordType } from '../../shared/exchange';
import { type ReadDb, type WriteDb, prepareRead } from '../db/handles';
import { createRowWriter } from '../db/row-writer';
import { candidateSharingConsents, candidates, exchangedRecords, partnerContacts, partners, sectors, timelineEvents } from '../db/schema';
import { candidateColumns, writeCandidateChildren } from './candidates';
import { writePartnerContacts } from './partners';
import { compareText, replacePlans } from './plans';
import type { DatabaseSource } from '../db/cipher';
import { type FileEvents, eventBatches, joinEventBatches, readEventBatches, readEventBatchesOffThread } from './export-events';
import { dataMark } from './changes';
import { healthNoteVisible } from './scope';
import { type PartnerRecord, type Payload, type SectorRecord, candidateRecordSchema, jsonArrayOf } from '../formats/payload';

/**
 * Records in and out of an export: reading what a file carries, the versions here and those
 * agreed with each partner, and writing the ones kept. What an incoming record's state is
 * decides services/exchange/incoming.ts.
 */

export type RecordSet = Payload['records'];

/** The files whose person agreed to share them with this partner. */
export function candidatesSharedWith(db: ReadDb, partnerId: string): string[] {
  return db
    .select({ id: candidateSharingConsents.candidateId })
    .from(candidateSharingConsents)
    .where(eq(candidateSharingConsents.partnerId, partnerId))
    .all()
    .map((row) => row.id);
}

/** What the consent check reads of a file (services/exchange/export.ts): its name, recording consent, whether it is withdrawn, restricted or archived. */
export interface ConsentRow {
  id: string;
  firstName: string;
  lastName: string;
  consentRecording: boolean;
  consentWithdrawnOn: string | null;
  archivedAt: string | null;
  restrictedAt: string | null;
}

/** ConsentRow's columns over `c`, in the order consentRowOf reads them. */
const CONSENT_COLUMNS = 'c.id, c.first_name, c.last_name, c.consent_recording, c.consent_withdrawn_on, c.archived_at, c.restricted_at';

type RawConsentColumns = [string, string, string, number, string | null, string | null, string | null];

const consentRowOf = ([id, firstName, lastName, consentRecording, consentWithdrawnOn, archivedAt, restrictedAt]: RawConsentColumns): ConsentRow => ({
  id,
  firstName,
  lastName,
  consentRecording: consentRecording === 1,
  consentWithdrawnOn,
  archivedAt,
  restrictedAt,
});

/** What an export's preview needs to know of each file (an export reads it with the records, see readRecords). */
export function consentsOf(db: ReadDb, candidateIds: readonly string[]): ConsentRow[] {
  // One statement over the ids as a JSON array, raw: 10,000 files through drizzle's mapping, 500 per statement, took 0.2 s.
  const rows = prepareRead(db, `SELECT ${CONSENT_COLUMNS} FROM candidates c WHERE c.id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(JSON.stringify(candidateIds)) as RawConsentColumns[];
  return rows.map(consentRowOf);
}

/** The ids an incoming file's links may point to here. */
export function knownIds(db: ReadDb) {
  const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
  return {
    sectors: ids(db.select({ id: sectors.id }).from(sectors).all()),
    partners: ids(db.select({ id: partners.id }).from(partners).all()),
    candidates: ids(db.select({ id: candidates.id }).from(candidates).all()),
  };
}

/** Keys an incoming record must not take from another one here. */
export function uniqueKeysHere(db: ReadDb) {
  const seeded = db.select({ id: sectors.id, seedKey: sectors.seedKey }).from(sectors).where(isNotNull(sectors.seedKey)).all();
  const contacts = db.select({ id: partnerContacts.id, partnerId: partnerContacts.partnerId }).from(partnerContacts).all();
  return {
    seededSectors: new Map(seeded.map((row) => [row.seedKey ?? '', row.id])),
    contactOwners: new Map(contacts.map((row) => [row.id, row.partnerId])),
  };
}

/** Lets other calls (and the progress polls) through between batches of a long read. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

const READ_BATCH = 500;

/** From this many files named, an export reads their events on a worker thread (see readRecords); below, starting one costs more than it saves. */
export const EVENTS_OFF_THREAD_FROM = 1000;

/** The events of `candidateIds` (files admitted, in the order they go) out of those read by file: one JSON array per file, and their versions. */
function eventsOf(byFile: FileEvents, candidateIds: readonly string[]): OutgoingRecords['timelineEvents'] {
  const indexOf = new Map(byFile.fileIds.map((id, index) => [id, index]));
  const events: OutgoingRecords['timelineEvents'] = { json: [], versions: [] };
  for (const id of candidateIds) {
    const index = indexOf.get(id);
    if (index === undefined) continue;
    events.json.push(byFile.json[index] as Uint8Array);
    const words = (byFile.versions[index] as string).split(' ');
    for (let word = 0; word < words.length; word += 2) events.versions.push({ id: words[word] as string, updatedAt: words[word + 1] as string });
  }
  return events;
}

/**
 * The candidates' records as an export carries them, written as JSON by SQLite like the events
 * (one object per file), with each file's consent columns, version and sectors beside: the
 * consent check and the records read the same rows in one pass (10,000 files lie on some 7,000
 * pages of the table, more than the page cache holds, so the check's own pass decrypted them
 * all again: the two took 0.55–0.62 s of CPU at 100,000 files, 0.39–0.52 s so). Exactly the fields of the record's schema (its keys are the list read here,
 * so a field added to the schema without a way to read it stops every export instead of leaving
 * it out): each person's own record, and about partners only what the recipient needs about
 * itself — whether it referred the person and the consent to share with it. Making 10,000 files
 * into objects (every child table mapped row by row, then copied without the fields kept here)
 * then JSON took 1.1 s of CPU, the SQL under it 0.25 s.
 */
function candidatesAsJson(db: ReadDb, options: { ourAssociationId: string; recipientPartnerId: string; includeBarriers: boolean; admit: (file: ConsentRow) => boolean }) {
  const columns = getTableColumns(candidates) as Record<string, Column>;
  const referral = new Set(['referralPartnerId', 'referrerContact', 'referredOn']);
  const fields = Object.keys(candidateRecordSchema.shape).map((key) => `'${key}', ${candidateFieldSql(key, columns[key], referral.has(key), options.includeBarriers)}`);
  const statement = prepareRead(
    db,
    `SELECT ${CONSENT_COLUMNS}, CAST(json_object(${fields.join(', ')}) AS BLOB), c.updated_at,
       c.referral_partner_id IS @recipient OR EXISTS (SELECT 1 FROM candidate_sharing_consents WHERE candidate_id = c.id AND partner_id = @recipient),
       (SELECT group_concat(sector_id, ' ') FROM candidate_sectors WHERE candidate_id = c.id)
     FROM candidates c WHERE c.id IN (SELECT value FROM json_each(@ids))`,
  ).raw();
  // A health barrier's note goes only where the caller may read it (healthNoteVisible): the
  // files with one are few, the rule asked for each of them.
  const withHealthNote = prepareRead(db, `SELECT candidate_id FROM candidate_barriers WHERE theme = 'health' AND action IS NOT NULL AND candidate_id IN (SELECT value FROM json_each(?))`).pluck();
  /** One batch, in one statement: every file read, and of those admitted their records (one JSON array, UTF-8), versions, sectors and whether one points to the recipient. */
  return (candidateIds: readonly string[]) => {
    const json = JSON.stringify(candidateIds);
    const hidden = options.includeBarriers ? (withHealthNote.all(json) as string[]).filter((id) => !healthNoteVisible(db, id)) : [];
    const rows = statement.all({ ids: json, origin: options.ourAssociationId, recipient: options.recipientPartnerId, hidden: JSON.stringify(hidden) }) as [
      ...RawConsentColumns,
      Buffer,
      string,
      number,
      string | null,
    ][];
    const files: ConsentRow[] = [];
    const records: Buffer[] = [];
    const versions: { id: string; updatedAt: string }[] = [];
    const sectorIds: string[] = [];
    let pointsToRecipient = false;
    for (const row of rows) {
      const file = consentRowOf(row.slice(0, 7) as RawConsentColumns);
      files.push(file);
      if (!options.admit(file)) continue;
      const [, , , , , , , record, updatedAt, pointed, sectorList] = row;
      records.push(record);
      versions.push({ id: file.id, updatedAt });
      pointsToRecipient ||= pointed === 1;
      if (sectorList) sectorIds.push(...sectorList.split(' '));
    }
    return { files, json: jsonArrayOf(records), versions, pointsToRecipient, sectorIds };
  };
}

/** One field of a sent candidate record, as SQL over `c` (see candidatesAsJson). */
function candidateFieldSql(key: string, column: Column | undefined, recipientOnly: boolean, includeBarriers: boolean): string {
  const children = {
    sectorIds: `json((SELECT json_group_array(sector_id) FROM candidate_sectors WHERE candidate_id = c.id))`,
    sharingPartnerIds: `CASE WHEN EXISTS (SELECT 1 FROM candidate_sharing_consents WHERE candidate_id = c.id AND partner_id = @recipient) THEN json_array(@recipient) ELSE json_array() END`,
    barriers: includeBarriers
      ? `json((SELECT json_group_array(json_object('theme', theme, 'status', status, 'action', CASE WHEN theme = 'health' AND candidate_id IN (SELECT value FROM json_each(@hidden)) THEN NULL ELSE action END, 'changedOn', changed_on))
          FROM (SELECT * FROM candidate_barriers WHERE candidate_id = c.id ORDER BY theme)))`
      : 'json_array()',
  } as Record<string, string>;
  const child = children[key];
  if (child) return child;
  if (!column) throw new Error(`export: no column for the record's field ${key}`);
  const name = `c."${column.name}"`;
  if (key === 'origin') return `coalesce(${name}, @origin)`;
  if (recipientOnly) return `CASE WHEN c.referral_partner_id = @recipient THEN ${name} END`;
  switch (column.columnType) {
    case 'SQLiteBoolean':
      return `CASE WHEN ${name} = 1 THEN json('true') ELSE json('false') END`;
    case 'SQLiteTextJson':
      return `json(${name})`;
    case 'SQLiteText':
    case 'SQLiteInteger':
      return name;
    default:
      throw new Error(`export: no JSON for the column ${column.name} (${column.columnType})`);
  }
}

/** What an export sends: the records, the candidates and events already as JSON (see candidatesAsJson, export-events.ts). */
export interface OutgoingRecords {
  /** JSON arrays of candidate records (UTF-8), to be joined into one; and each one's version. */
  candidates: { json: Uint8Array[]; versions: { id: string; updatedAt: string }[] };
  partners: PartnerRecord[];
  sectors: SectorRecord[];
  timelineEvents: {
    /** JSON arrays of events (UTF-8), to be joined into one. */
    json: Uint8Array[];
    versions: { id: string; updatedAt: string }[];
  };
}

/**
 * The candidates' files as an export to one partner carries them: exactly the minimum (see
 * candidatesAsJson), of the files `admit` lets go; and every file named, found here, as the
 * consent check reads it (`files`). About partners, only the recipient's own name and kind, when
 * a file points to it. What we know about other partners (that the person also consented to
 * share with them, who referred them and the referrer's contact, our notes and staff contacts at
 * a partner) stays here.
 */
export async function readRecords(
  db: ReadDb,
  candidateIds: readonly string[],
  options: {
    ourAssociationId: string;
    /** The recipient, as a partner record here. */
    recipientPartnerId: string;
    includeNotes: boolean;
    includeBarriers: boolean;
    /** Whether a file may go (the consent check); the others are read, not sent. */
    admit: (file: ConsentRow) => boolean;
    /** Files read so far, of those named. */
    onProgress?: (done: number) => void;
    /** The file the connection reads, for a worker to read the events meanwhile; without it they are read here. */
    eventsSource?: DatabaseSource;
    /** Lowered by tests only. */
    eventsOffThreadFrom?: number;
    /** The association whose agreed versions to read too, while a worker reads the events (see recordAgreedVersions). */
    agreedWith?: string;
  },
): Promise<OutgoingRecords & { files: ConsentRow[]; agreed: AgreedVersions | null }> {
  const recipient = options.recipientPartnerId;
  const originOf = (origin: string | null) => origin ?? options.ourAssociationId;
  const readCandidates = candidatesAsJson(db, options);
  const candidateRecords: OutgoingRecords['candidates'] = { json: [], versions: [] };
  const files: ConsentRow[] = [];
  let pointed = false;
  const sectorIds = new Set<string>();
  // In SQLite's order of the ids, the order the files go in (one statement over them all gave it).
  const inOrder = [...candidateIds].sort(compareText);
  // Of a large export, a worker starts on the events of every file named (those of the files
  // refused are left out after: they are known once read) while this thread reads the files and
  // the versions agreed, then this thread reads the batches it has not reached: the files and the
  // events were each some 40% of a 10,000-file export.
  const source = options.includeNotes && inOrder.length >= (options.eventsOffThreadFrom ?? EVENTS_OFF_THREAD_FROM) ? options.eventsSource : undefined;
  const shared = source ? eventBatches(inOrder) : null;
  const readThere = source && shared ? readEventBatchesOffThread(source, shared, options.ourAssociationId) : null;
  for (let start = 0; start < inOrder.length; start += READ_BATCH) {
    const batch = readCandidates(inOrder.slice(start, start + READ_BATCH));
    files.push(...batch.files);
    candidateRecords.json.push(batch.json);
    candidateRecords.versions.push(...batch.versions);
    pointed ||= batch.pointsToRecipient;
    for (const id of batch.sectorIds) sectorIds.add(id);
    options.onProgress?.(files.length);
    await yieldToOthers();
  }
  const candidateIdsRead = candidateRecords.versions.map((record) => record.id);
  const agreed = options.agreedWith ? readAgreedVersions(db, options.agreedWith) : null;

  let timelineEvents: OutgoingRecords['timelineEvents'] = { json: [], versions: [] };
  if (options.includeNotes) {
    // Read here alone, only the files admitted.
    const events = shared ?? eventBatches(candidateIdsRead);
    const prepare = (statement: string) => prepareRead(db, statement);
    const readHere = readEventBatches(prepare, events, options.ourAssociationId);
    timelineEvents = eventsOf(joinEventBatches(prepare, events, [readHere, await readThere], options.ourAssociationId), candidateIdsRead);
  }

  // The recipient's own record, when a file points to it: its name and kind, none of our notes,
  // contacts or details about it. The fields stay in the record (empty), as version 1 reads them.
  const partnerRows = pointed ? db.select().from(partners).where(eq(partners.id, recipient)).all() : [];
  const partnerList: PartnerRecord[] = partnerRows.map((row) => ({
    id: row.id,
    origin: originOf(row.origin),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    name: row.name,
    kind: row.kind as PartnerRecord['kind'],
    address: null,
    postalCode: null,
    commune: null,
    phone: null,
    email: null,
    notes: null,
    contacts: [],
  }));

  const sectorRows = sectorIds.size > 0 ? db.select().from(sectors).where(inArray(sectors.id, [...sectorIds])).all() : [];
  const sectorList: SectorRecord[] = sectorRows.map(({ seq: _seq, archivedAt: _archived, ...row }) => ({
    ...row,
    seedKey: row.seedKey as SectorRecord['seedKey'],
    origin: originOf(row.origin),
  }));

  return { files, candidates: candidateRecords, timelineEvents, partners: partnerList, sectors: sectorList, agreed };
}

const TABLES = { candidate: candidates, timelineEvent: timelineEvents, partner: partners, sector: sectors } as const;

/** The local `updatedAt` of each record of a type among `ids`. */
export function localVersions(db: ReadDb, type: ExchangedRecordType, ids: string[]): Map<string, string> {
  const table = TABLES[type];
  const versions = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = db
      .select({ id: table.id, updatedAt: table.updatedAt })
      .from(table)
      .where(inArray(table.id, ids.slice(start, start + 500)))
      .all();
    for (const row of rows) versions.set(row.id, row.updatedAt);
  }
  return versions;
}

/** The versions last agreed with this association, per record. */
export function agreedVersions(db: ReadDb, associationId: string, type: ExchangedRecordType): Map<string, string> {
  // As arrays, not objects: an export reads the 78,000 versions a partner agreed to before each write.
  const rows = db
    .select({ id: exchangedRecords.recordId, updatedAt: exchangedRecords.updatedAt })
    .from(exchangedRecords)
    .where(and(eq(exchangedRecords.associationId, associationId), eq(exchangedRecords.recordType, type)))
    .values() as [string, string][];
  return new Map(rows);
}

/** Versions of records, by type: those sent to an association or received from it. */
export type VersionsByType = Partial<Record<ExchangedRecordType, readonly { id: string; updatedAt: string }[]>>;

/**
 * The versions agreed with an association, of every type, as they stood at one mark of the data
 * (see dataMark): still right while the mark has not moved.
 */
export interface AgreedVersions {
  associationId: string;
  mark: string;
  byType: Map<ExchangedRecordType, Map<string, string>>;
}

export function readAgreedVersions(db: ReadDb, associationId: string): AgreedVersions {
  const types = Object.keys(TABLES) as ExchangedRecordType[];
  return { associationId, mark: dataMark(db), byType: new Map(types.map((type) => [type, agreedVersions(db, associationId, type)])) };
}

/**
 * Remembers the version agreed with an association for each record (sent or received). The
 * versions already agreed are read first (agreedVersions, a pass over each type's rows; or those
 * `readBefore` holds, when nothing was written since: an export reads them while its events are
 * read, some 0.25 s of a 10,000-file export), and only the
 * records whose version moved are written: sending the same 78,000 records again cost 0.38 s
 * when SQLite looked each one up in the key's index to find it unchanged. The writes go in one
 * statement over the entries as JSON (94,000 records took 0.9 s through drizzle, 100 rows per
 * statement, against 0.3 s so), in the key's order, sorted by SQLite: each insert lands beside
 * the last one in the primary key's index, not on a random page of it. `WHERE true` tells
 * SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join. The transaction must
 * not have written before it, for `readBefore`'s mark to be compared.
 */
export function recordAgreedVersions(tx: WriteDb, associationId: string, versions: VersionsByType, readBefore?: AgreedVersions | null): void {
  const current = readBefore?.associationId === associationId && readBefore.mark === dataMark(tx) ? readBefore.byType : null;
  // Compared type by type as they come: an entry made for each of an export's 88,000 versions
  // first, most of them unchanged, cost some 15 ms more.
  const moved: [ExchangedRecordType, string, string][] = [];
  for (const [type, list] of Object.entries(versions) as [ExchangedRecordType, VersionsByType[ExchangedRecordType]][]) {
    if (!list?.length) continue;
    const agreed = current?.get(type) ?? agreedVersions(tx, associationId, type);
    for (const { id, updatedAt } of list) if (agreed.get(id) !== updatedAt) moved.push([type, id, updatedAt]);
  }
  if (moved.length === 0) return;
  const rows = JSON.stringify(moved);
  const updatedAt = sql.identifier(exchangedRecords.updatedAt.name);
  tx.run(sql`INSERT INTO ${exchangedRecords} (${sql.identifier(exchangedRecords.associationId.name)}, ${sql.identifier(exchangedRecords.recordType.name)}, ${sql.identifier(exchangedRecords.recordId.name)}, ${updatedAt})
    SELECT ${associationId}, value ->> 0 AS type, value ->> 1 AS id, value ->> 2 FROM json_each(${rows}) WHERE true ORDER BY type, id
    ON CONFLICT DO UPDATE SET ${updatedAt} = excluded.${updatedAt}`);
}

/**
 * Writes the records chosen, keeping their ids, origin and `updatedAt` (so the next exchange
 * can tell what changed since). A record of ours that comes back keeps saying it was made here
 * (origin null), as `readRecords` reads it. What each association knows for itself stays as it
 * is here: for a partner already here, its details, notes and contacts (a file names it and
 * says its kind); for a person already here, the consents to share and the referral (a sender
 * only tells about itself). Runs inside the caller's transaction.
 */
export function writeRecords(tx: WriteDb, chosen: RecordSet, options: { ourAssociationId: string | null; barriersLeftOut: boolean }): void {
  const here = <T extends { origin: string }>(record: T) => ({ ...record, origin: record.origin === options.ourAssociationId ? null : record.origin });
  const present = {
    sector: localVersions(tx, 'sector', chosen.sectors.map((record) => record.id)),
    partner: localVersions(tx, 'partner', chosen.partners.map((record) => record.id)),
    candidate: localVersions(tx, 'candidate', chosen.candidates.map((record) => record.id)),
    timelineEvent: localVersions(tx, 'timelineEvent', chosen.timelineEvents.map((record) => record.id)),
  };
  const exists = (type: ExchangedRecordType, id: string) => present[type].has(id);
  const writer = createRowWriter(tx);

  for (const { id, ...sector } of chosen.sectors.map(here)) {
    if (exists('sector', id)) writer.update(sectors, sectors.id, id, sector);
    else writer.insertAll(sectors, [{ id, ...sector }]);
  }

  for (const { id, contacts: list, ...partner } of chosen.partners.map(here)) {
    if (exists('partner', id)) {
      writer.update(partners, partners.id, id, { name: partner.name, kind: partner.kind, origin: partner.origin, updatedAt: partner.updatedAt });
    } else {
      writer.insertAll(partners, [{ id, ...partner }]);
      writePartnerContacts(tx, id, list);
    }
  }

  const newCandidates: (typeof candidates.$inferInsert)[] = [];
  for (const { id, origin, createdAt, updatedAt, ...fields } of chosen.candidates.map(here)) {
    const columns = { ...candidateColumns(fields), firstName: fields.firstName, lastName: fields.lastName, origin, updatedAt };
    if (exists('candidate', id)) {
      const { referralPartnerId: _partner, referrerContact: _contact, referredOn: _on, ...theirs } = columns;
      writer.update(candidates, candidates.id, id, theirs);
    } else {
      newCandidates.push({ ...columns, id, createdAt });
    }
  }
  writer.insertAll(candidates, newCandidates);
  writeCandidateChildren(
    tx,
    chosen.candidates.map(({ id, barriers, sharingPartnerIds, sectorIds }) => ({
      id,
      fields: {
        sectorIds,
        ...(options.barriersLeftOut ? {} : { barriers }),
        ...(exists('candidate', id) ? {} : { sharingPartnerIds }),
      },
    })),
  );

  // File by file, newest first: the index on the events' file is written in order, and the
  // trigger that keeps each file's last contact date writes it once per file, not once per event.
  const inOrder = chosen.timelineEvents
    .map(here)
    .sort((a, b) => compareText(a.subjectId, b.subjectId) || compareText(b.occurredAt, a.occurredAt));
  const newEvents: (typeof timelineEvents.$inferInsert)[] = [];
  for (const { id, ...event } of inOrder) {
    if (exists('timelineEvent', id)) writer.update(timelineEvents, timelineEvents.id, id, event);
    else newEvents.push({ id, ...event });
  }
  writer.insertAll(timelineEvents, newEvents);
  const chosenIds = new Set(chosen.candidates.map((record) => record.id));
  replacePlans(
    tx,
    (chosen.plans ?? []).filter((plan) => chosenIds.has(plan.candidateId)),
  );
}
