import { z } from 'zod';
import { candidateFieldShapes } from '../../shared/candidates';
import { SEEDED_SECTORS } from '../../shared/domain';
import { contactSchema } from '../../shared/employers';
import { ERASURE_REQUEST_SCHEMA_VERSION, EXPORT_SCHEMA_VERSION, ageRecipientSchema, signingPublicKeySchema } from '../../shared/exchange';
import { partnerFieldShapes } from '../../shared/partners';
import { OBJECTIVE_STATUSES, RESPONSIBLES, STEP_KINDS, STEP_STATUSES } from '../../shared/plans';
import { timelineAddSchema } from '../../shared/timeline';
import { isValidIsoDate, optionalText, parseOptions, plainText, uuid } from '../../shared/validation';

/**
 * The content of an export file (before encryption): versioned JSON, a manifest then the
 * records. Every record carries its UUID, the association it comes from and its `updatedAt`;
 * an import validates all of it with these schemas before anything is written.
 *
 * Version 1 carries candidates with their timeline, and the partners and sectors their files
 * point to. Volunteers, drop-in sessions and the pipeline stay with the association that runs
 * them.
 */

const meta = {
  id: uuid,
  /** The association that created the record. */
  origin: uuid,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/**
 * A candidate as sent: the file's fields, checked as a form would be, minus links to local
 * volunteers and the consent details added after version 1 (to be presented, the text's
 * version), which stay here: a partner on an older version refuses fields it does not know.
 */
const {
  assignedPairId: _pair,
  assignedVolunteerId: _volunteer,
  consentPresentation: _presentation,
  consentTextVersion: _textVersion,
  ...sentCandidateShapes
} = candidateFieldShapes;
export const candidateRecordSchema = z.strictObject({ ...meta, ...sentCandidateShapes });
export type CandidateRecord = z.output<typeof candidateRecordSchema>;

/** An event as sent: its fields checked as the timeline form checks them. */
const { kind, occurredAt, author, text } = timelineAddSchema.shape;
export const timelineRecordSchema = z.strictObject({
  ...meta,
  subjectType: z.literal('candidate'),
  subjectId: uuid,
  kind,
  occurredAt: occurredAt.max(40),
  author,
  text,
});
export type TimelineRecord = z.output<typeof timelineRecordSchema>;

export const partnerRecordSchema = z.strictObject({
  ...meta,
  ...partnerFieldShapes,
  contacts: z.array(contactSchema.required({ id: true })).max(30),
});
export type PartnerRecord = z.output<typeof partnerRecordSchema>;

export const sectorRecordSchema = z.strictObject({
  ...meta,
  seedKey: z.enum(SEEDED_SECTORS).nullable(),
  name: optionalText(80),
});
export type SectorRecord = z.output<typeof sectorRecordSchema>;

/**
 * A person's action plan as sent beside their file: objectives and their steps. Who carries a
 * step is said by its kind only (the person, a volunteer, a partner): volunteers and partners
 * stay with the association that knows them. Files written before plans were sent have none.
 */
const planStepRecordSchema = z.strictObject({
  id: uuid,
  kind: z.enum(STEP_KINDS),
  label: plainText().min(1).max(200),
  dueOn: z.iso.date().nullable(),
  responsible: z.enum(RESPONSIBLES),
  status: z.enum(STEP_STATUSES),
  outcome: optionalText(1000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const planRecordSchema = z.strictObject({
  candidateId: uuid,
  objectives: z
    .array(
      z.strictObject({
        id: uuid,
        label: plainText().min(1).max(200),
        targetDate: z.iso.date().nullable(),
        status: z.enum(OBJECTIVE_STATUSES),
        outcome: optionalText(1000),
        createdAt: z.iso.datetime(),
        updatedAt: z.iso.datetime(),
        steps: z.array(planStepRecordSchema).max(200),
      }),
    )
    .max(100),
});
export type PlanRecord = z.output<typeof planRecordSchema>;

const associationSchema = z.strictObject({
  associationId: uuid,
  name: plainText().min(1).max(200),
  siret: z.string().regex(/^\d{14}$/).nullable(),
  ageRecipient: ageRecipientSchema,
  signingPublicKey: signingPublicKeySchema,
});

export const manifestSchema = z.strictObject({
  exportId: uuid,
  sender: associationSchema,
  recipients: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('association'), associationId: uuid, name: plainText().max(200) }),
        z.strictObject({ kind: z.literal('passphrase'), partnerName: plainText().max(200).nullable() }),
      ]),
    )
    .min(1)
    .max(10),
  /** Per sender, one more with every export: an import refuses an older one (a replay). */
  sequence: z.int().min(1),
  createdAt: z.iso.datetime(),
  counts: z.record(z.string(), z.int().min(0)),
  /** What the sender chose to leave out. */
  leftOut: z.array(z.enum(['notes', 'barriers'])).max(2),
});
export type Manifest = z.output<typeof manifestSchema>;

export const deletionSchema = z.strictObject({
  recordType: z.enum(['candidate', 'timelineEvent']),
  id: uuid,
  deletedAt: z.iso.datetime(),
});

const records = <T extends z.ZodType>(schema: T) => z.array(schema).max(1_000_000);

export const payloadSchema = z.strictObject({
  format: z.literal('tremplin-export'),
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  manifest: manifestSchema,
  records: z.strictObject({
    candidates: records(candidateRecordSchema),
    timelineEvents: records(timelineRecordSchema),
    partners: records(partnerRecordSchema),
    sectors: records(sectorRecordSchema),
    plans: records(planRecordSchema).optional(),
  }),
  deletions: records(deletionSchema),
});
export type Payload = z.output<typeof payloadSchema>;

export class PayloadError extends Error {
  constructor(
    readonly reason: 'not_an_export' | 'newer_version' | 'invalid_records' | 'duplicate_records' | 'dangling_reference',
    /** For invalid records: where, e.g. `records.candidates.12.birthDate`. */
    readonly path?: string,
  ) {
    super(`export content ${reason}${path ? ` at ${path}` : ''}`);
    this.name = 'PayloadError';
  }
}

const headerSchema = z.looseObject({ format: z.literal('tremplin-export'), schemaVersion: z.int().min(1), kind: z.string().optional() });

/** A partner's request to erase a person: the person's exchange ids (their files' ids) and the day they were erased; no personal data. */
export const erasureRequestPayloadSchema = z.strictObject({
  format: z.literal('tremplin-export'),
  schemaVersion: z.literal(ERASURE_REQUEST_SCHEMA_VERSION),
  kind: z.literal('erasureRequest'),
  manifest: manifestSchema,
  erasure: z.strictObject({
    candidateIds: z.array(uuid).min(1).max(50),
    erasedOn: z.string().refine(isValidIsoDate),
  }),
});
export type ErasureRequestPayload = z.output<typeof erasureRequestPayloadSchema>;

/** What an exchange file holds: records (an export), or a request to erase a person. */
export type ExchangeMessage = { kind: 'records'; payload: Payload } | { kind: 'erasureRequest'; payload: ErasureRequestPayload };

/** Reads decrypted bytes as either kind of message, or says why not (see parsePayload). */
export function parseMessage(bytes: Uint8Array, knownIds: LocalRecords): ExchangeMessage {
  const json = parseJson(bytes);
  const header = headerSchema.safeParse(json);
  if (header.success && header.data.kind === 'erasureRequest') {
    if (header.data.schemaVersion > ERASURE_REQUEST_SCHEMA_VERSION) throw new PayloadError('newer_version');
    const parsed = erasureRequestPayloadSchema.safeParse(json, parseOptions);
    if (!parsed.success) throw new PayloadError('invalid_records', parsed.error.issues[0]?.path.join('.'));
    return { kind: 'erasureRequest', payload: parsed.data };
  }
  return { kind: 'records', payload: parsePayload(bytes, knownIds, json) };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PayloadError('not_an_export');
  }
}

/** What the file is checked against: the ids already here, and the keys that must stay unique. */
export interface LocalRecords {
  sectors: Set<string>;
  partners: Set<string>;
  candidates: Set<string>;
  /** Seed key → id of the seeded sectors here (the same ids in every installation). */
  seededSectors: Map<string, string>;
  /** Partner contact id → the partner it belongs to here. */
  contactOwners: Map<string, string>;
}

/**
 * Reads decrypted bytes into a payload, or says why not. Beyond each record's schema, the file
 * as a whole must hold together: no id twice (records, partners' contacts, seeded sectors),
 * and every link (a candidate's sectors and partners, an event's candidate) to a record in the
 * file or one already here.
 */
export function parsePayload(bytes: Uint8Array, knownIds: LocalRecords, json: unknown = parseJson(bytes)): Payload {
  const header = headerSchema.safeParse(json);
  if (!header.success) throw new PayloadError('not_an_export');
  if (header.data.schemaVersion > EXPORT_SCHEMA_VERSION) throw new PayloadError('newer_version');
  const parsed = payloadSchema.safeParse(json, parseOptions);
  if (!parsed.success) throw new PayloadError('invalid_records', parsed.error.issues[0]?.path.join('.'));
  const payload = parsed.data;

  const { candidates, timelineEvents, partners, sectors } = payload.records;
  const ids = [...candidates, ...timelineEvents, ...partners, ...sectors].map((record) => record.id);
  if (new Set(ids).size !== ids.length) throw new PayloadError('duplicate_records');
  // A seeded sector under another id, or a contact of another partner, would clash on write.
  const seeded = new Map(knownIds.seededSectors);
  sectors.forEach((sector, index) => {
    if (sector.seedKey === null) return;
    if ((seeded.get(sector.seedKey) ?? sector.id) !== sector.id) throw new PayloadError('duplicate_records', `records.sectors.${index}`);
    seeded.set(sector.seedKey, sector.id);
  });
  const contactsInFile = new Set<string>();
  partners.forEach((partner, index) => {
    for (const contact of partner.contacts) {
      const owner = knownIds.contactOwners.get(contact.id) ?? partner.id;
      if (owner !== partner.id || contactsInFile.has(contact.id)) throw new PayloadError('duplicate_records', `records.partners.${index}.contacts`);
      contactsInFile.add(contact.id);
    }
  });

  const has = (local: Set<string>, inFile: { id: string }[]) => {
    const all = new Set([...local, ...inFile.map((record) => record.id)]);
    return (id: string | null) => id === null || all.has(id);
  };
  const hasSector = has(knownIds.sectors, sectors);
  const hasPartner = has(knownIds.partners, partners);
  const hasCandidate = has(knownIds.candidates, candidates);
  for (const candidate of candidates) {
    if (!candidate.sectorIds.every(hasSector)) throw new PayloadError('dangling_reference', `candidate ${candidate.id} sectorIds`);
    if (!candidate.sharingPartnerIds.every(hasPartner) || !hasPartner(candidate.referralPartnerId)) {
      throw new PayloadError('dangling_reference', `candidate ${candidate.id} partners`);
    }
  }
  for (const event of timelineEvents) {
    if (!hasCandidate(event.subjectId)) throw new PayloadError('dangling_reference', `timeline event ${event.id}`);
  }
  const plans = payload.records.plans ?? [];
  const planIds = plans.flatMap((plan) => plan.objectives.flatMap((objective) => [objective.id, ...objective.steps.map((step) => step.id)]));
  if (new Set(planIds).size !== planIds.length || new Set(plans.map((plan) => plan.candidateId)).size !== plans.length) throw new PayloadError('duplicate_records', 'records.plans');
  // A plan travels with its person's file: only for a file in this one.
  const filesSent = new Set(candidates.map((candidate) => candidate.id));
  for (const plan of plans) if (!filesSent.has(plan.candidateId)) throw new PayloadError('dangling_reference', `plan of ${plan.candidateId}`);
  return payload;
}

const [OPEN_BRACKET, COMMA, CLOSE_BRACKET] = ['[', ',', ']'].map((text) => Buffer.from(text)) as [Buffer, Buffer, Buffer];

/** JSON values as UTF-8 bytes, as the parts of one array's text, in their order (nothing copied). */
function arrayParts(items: readonly Uint8Array[]): Uint8Array[] {
  return [OPEN_BRACKET, ...items.flatMap((item, index) => (index === 0 ? [item] : [COMMA, item])), CLOSE_BRACKET];
}

/** JSON values as UTF-8 bytes, made one array's text. */
export function jsonArrayOf(items: readonly Uint8Array[]): Buffer {
  return Buffer.concat(arrayParts(items));
}

/**
 * A payload's JSON as the pieces of its UTF-8 text, in order (sealed from them as they are: see
 * age.ts's ageFileOf), its candidates and events given apart as JSON arrays
 * already written, as UTF-8 bytes (by SQLite: tens of thousands of records need not become
 * objects to become text again, nor strings to become bytes again: 37 MB of them made into
 * strings then into bytes again cost some 90 ms of a 1.35 s export of 10,000 files). Each
 * array is written without spaces around it, as SQLite writes one. The records go last; the
 * text parses to the payload with those records.
 */
export function payloadParts(payload: Payload, written: { candidates: readonly Uint8Array[]; timelineEvents: readonly Uint8Array[] }): Uint8Array[] {
  if (payload.records.candidates.length > 0 || payload.records.timelineEvents.length > 0) throw new Error('payloadParts: candidates and events are given as JSON');
  const { records, ...rest } = payload;
  /** The arrays' items, joined into one array's text. */
  const joined = (arrays: readonly Uint8Array[]) => {
    const items = arrays.map((array) => {
      if (array[0] !== OPEN_BRACKET[0] || array[array.length - 1] !== CLOSE_BRACKET[0]) throw new Error('payloadParts: a JSON array is expected');
      return array.subarray(1, -1);
    });
    return arrayParts(items.filter((list) => list.length > 0));
  };
  const parts = [
    `${JSON.stringify(rest).slice(0, -1)},"records":{"candidates":`,
    ...joined(written.candidates),
    ',"timelineEvents":',
    ...joined(written.timelineEvents),
    ',"partners":',
    JSON.stringify(records.partners),
    ',"sectors":',
    JSON.stringify(records.sectors),
    ...(records.plans ? [',"plans":', JSON.stringify(records.plans)] : []),
    '}}',
  ];
  return parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
}
