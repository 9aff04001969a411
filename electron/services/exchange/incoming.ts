import type { ExchangedRecordType, ImportItemState } from '../../../shared/exchange';
import type { ReadDb } from '../../db/handles';
import { type RecordSet, agreedVersions, localVersions } from '../../store/exchange';

/**
 * What an incoming file's records are here: for each, whether it is new, an update, unchanged,
 * older or a conflict; and, from a sender nothing proves, what may be taken at all.
 */

/**
 * Where an incoming version stands against ours, given the version last agreed with the
 * sender (none: never exchanged). Newer local data is never overwritten silently: when both
 * sides changed since the agreed version it is a conflict, and an incoming version older than
 * ours with nothing agreed is flagged `older` for the staffer to decide.
 */
export function classify(incoming: string, local: string | undefined, agreed: string | undefined): ImportItemState {
  if (local === undefined) return 'new';
  if (incoming === local) return 'unchanged';
  if (agreed !== undefined) {
    const theyChanged = incoming > agreed;
    const weChanged = local > agreed;
    if (!theyChanged) return 'unchanged';
    return weChanged ? 'conflict' : 'updated';
  }
  return incoming > local ? 'conflict' : 'older';
}

export interface Classified {
  recordType: ExchangedRecordType;
  id: string;
  state: ImportItemState;
}

const TYPES_IN_FILE: [ExchangedRecordType, keyof RecordSet][] = [
  ['sector', 'sectors'],
  ['partner', 'partners'],
  ['candidate', 'candidates'],
  ['timelineEvent', 'timelineEvents'],
];

/** `senderId` null: a sender nothing proves, with whom no version was ever agreed. */
export function classifyAll(db: ReadDb, senderId: string | null, records: RecordSet): Classified[] {
  return TYPES_IN_FILE.flatMap(([type, key]) => {
    const list = records[key] as { id: string; updatedAt: string }[];
    const local = localVersions(
      db,
      type,
      list.map((record) => record.id),
    );
    const agreed = senderId ? agreedVersions(db, senderId, type) : new Map<string, string>();
    return list.map((record) => ({ recordType: type, id: record.id, state: classify(record.updatedAt, local.get(record.id), agreed.get(record.id)) }));
  });
}

/**
 * The records of a file whose sender is not a verified partner (unsigned, or signed by a key we
 * have not verified), as they may be taken: nothing it says can be attributed to anyone, so it
 * updates nothing here. A person or event already here arrives as a new record (a new id, its
 * events following it) for the staffer to review beside the one here, unless it is exactly the
 * version here (the same file opened again); a partner or sector already here stays as it is
 * (the links to it still hold). An origin naming an association we know, or ourselves, becomes
 * `unknownOrigin`.
 */
export function fromUnknownSender(db: ReadDb, records: RecordSet, options: { knownAssociations: Set<string>; unknownOrigin: string; newId: () => string }): RecordSet {
  const origin = <T extends { origin: string }>(record: T): T =>
    options.knownAssociations.has(record.origin) ? { ...record, origin: options.unknownOrigin } : record;
  const renamed = new Map<string, string>();
  const rekey = <T extends { id: string; updatedAt: string }>(type: ExchangedRecordType, list: T[]): T[] => {
    const local = localVersions(db, type, list.map((record) => record.id));
    return list.map((record) => {
      const here = local.get(record.id);
      if (here === undefined || here === record.updatedAt) return record;
      const id = options.newId();
      renamed.set(record.id, id);
      return { ...record, id };
    });
  };
  const candidateList = rekey('candidate', records.candidates).map(origin);
  const events = rekey('timelineEvent', records.timelineEvents).map((event) => origin({ ...event, subjectId: renamed.get(event.subjectId) ?? event.subjectId }));
  const partnersHere = localVersions(db, 'partner', records.partners.map((record) => record.id));
  const sectorsHere = localVersions(db, 'sector', records.sectors.map((record) => record.id));
  return {
    candidates: candidateList,
    timelineEvents: events,
    partners: records.partners.filter((record) => !partnersHere.has(record.id)).map(origin),
    sectors: records.sectors.filter((record) => !sectorsHere.has(record.id)).map(origin),
  };
}

