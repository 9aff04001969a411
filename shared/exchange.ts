import { z } from 'zod';
import { SHARING_BLOCKS } from './candidates';
import type { SeededSector, TimelineKind } from './domain';
import { optionalSiret } from './employers';
import { reads, writes } from './method';
import { IMPORT_MAX_BASE64_LENGTH } from './transport';
import { optionalEmail, optionalPhone, optionalText, plainText, requiredText, uuid } from './validation';

/**
 * Exchanges with partner associations: the association's profile and keys, partners' cards,
 * encrypted and signed export files, their import with a preview, and the log of both.
 */

// ---------------------------------------------------------------- Profile and keys

export const associationProfileSchema = z.strictObject({
  name: requiredText(200),
  siret: optionalSiret(),
  email: optionalEmail(),
  phone: optionalPhone(),
});

export interface AssociationProfile extends z.output<typeof associationProfileSchema> {
  /** Made once; the same on every card and file this installation sends. */
  associationId: string;
}

export const KEY_PROTECTIONS = ['os_keychain', 'passphrase', 'database'] as const;
export type KeyProtection = (typeof KEY_PROTECTIONS)[number];

/** A passphrase that protects the keys on this computer. */
export const MIN_KEY_PASSPHRASE_LENGTH = 12;
const keyPassphrase = z.string().min(MIN_KEY_PASSPHRASE_LENGTH, { error: 'exchange.errors.keyPassphraseTooShort' }).max(200);

export interface Fingerprint {
  /** Six words two staffers read to each other by phone. */
  words: string[];
  hex: string;
}

export interface ExchangeStatus {
  profile: AssociationProfile | null;
  /** How keys are (or would be) protected on this computer. */
  protection: KeyProtection;
  keys: { createdAt: string; fingerprint: Fingerprint; unlocked: boolean } | null;
}

// ---------------------------------------------------------------- Cards

/** An age X25519 recipient (`age1…`, bech32). */
export const ageRecipientSchema = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/);
/** A minisign public key line (`RW…`: "Ed", key id, Ed25519 key, base64). */
export const signingPublicKeySchema = z.string().regex(/^RW[A-Za-z0-9+/]{54}$/);

/** Cards are small text files; anything bigger is not one. */
export const CARD_MAX_BYTES = 16 * 1024;

export const partnerCardFileSchema = z.strictObject({
  format: z.literal('tremplin-card'),
  version: z.literal(1),
  associationId: uuid,
  name: requiredText(200),
  siret: z.string().regex(/^\d{14}$/).nullable(),
  email: plainText().max(200).nullable(),
  phone: plainText().max(40).nullable(),
  ageRecipient: ageRecipientSchema,
  signingPublicKey: signingPublicKeySchema,
  createdAt: z.iso.datetime(),
});
export type PartnerCardFile = z.output<typeof partnerCardFileSchema>;

export interface PartnerCard {
  id: string;
  associationId: string;
  partnerId: string | null;
  name: string;
  siret: string | null;
  email: string | null;
  phone: string | null;
  fingerprint: Fingerprint;
  verifiedAt: string | null;
  lastSequence: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

const cardText = z.string().max(CARD_MAX_BYTES, { error: 'exchange.errors.cardTooLarge' });

export interface CardPreview {
  card: Omit<PartnerCardFile, 'format' | 'version'>;
  fingerprint: Fingerprint;
  /** A card already known for this association: same keys (nothing new) or new keys. */
  existing: { id: string; sameKeys: boolean; verified: boolean } | null;
  /** Our own card: importing it makes no sense. */
  isOurs: boolean;
}

// ---------------------------------------------------------------- Export

const exportTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('partner'), partnerCardId: uuid }),
  /** A partner without a card yet: the consent checked is the one given for this partner. */
  z.strictObject({ kind: z.literal('passphrase'), partnerId: uuid }),
]);

export const exportRequestSchema = z.strictObject({
  /** One file (a referral), a selection, or every file shared with the partner. */
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('candidates'), ids: z.array(uuid).min(1).max(100_000) }),
    z.strictObject({ kind: z.literal('sharedWithPartner') }),
  ]),
  to: exportTarget,
  /** Minimisation: leave out timeline notes, and the barriers (health among them). */
  includeNotes: z.boolean().default(true),
  includeBarriers: z.boolean().default(true),
});

/** Why a file stays out of an export: the consent rule's reasons (shared/candidates.ts: sharingBlock), or archived. */
export const BLOCK_REASONS = [...SHARING_BLOCKS, 'archived'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

export interface ExportPreview {
  allowed: { id: string; name: string }[];
  blocked: { id: string; name: string; reason: BlockReason }[];
}

export interface ExportResult {
  exportId: string;
  sequence: number;
  fileName: string;
  /** The `.tremplin` file, base64 (the window saves it). */
  content: string;
  /** For a passphrase export: shown once, said by phone, never stored. */
  passphrase: string | null;
  counts: Record<string, number>;
  blocked: ExportPreview['blocked'];
}

// ---------------------------------------------------------------- Import

export { IMPORT_MAX_BASE64_LENGTH, IMPORT_MAX_BYTES } from './transport';

export const importOpenSchema = z.strictObject({
  fileName: requiredText(300),
  /** base64 of the `.tremplin` file. */
  content: z.base64({ error: 'exchange.errors.notAnExport' }).max(IMPORT_MAX_BASE64_LENGTH, { error: 'exchange.errors.tooLarge' }),
  passphrase: z.string().max(200).optional(),
});

export const IMPORT_ITEM_STATES = ['new', 'updated', 'unchanged', 'conflict', 'older'] as const;
export type ImportItemState = (typeof IMPORT_ITEM_STATES)[number];

/** How the preview names a record: as data, which the window words in the staffer's language. */
export type ImportItemLabel =
  /** A candidate or a partner. */
  | { type: 'name'; name: string }
  /** A seeded sector without a name of its own is translated. */
  | { type: 'sector'; seedKey: SeededSector | null; name: string | null }
  /** A timeline entry: its kind and the day (ISO) it happened. */
  | { type: 'timelineEvent'; kind: TimelineKind; occurredOn: string };

export interface ImportItem {
  recordType: ExchangedRecordType;
  id: string;
  label: ImportItemLabel;
  state: ImportItemState;
  /** Local files this one may be the same person as (new candidates only). */
  likelyDuplicates: { id: string; name: string }[];
}

export interface ImportPreview {
  /** Keeps the opened file in memory until applied or dropped. */
  token: string;
  sender: { associationId: string; name: string; fingerprint: Fingerprint };
  signature: 'verified' | 'unsigned';
  /** Set when the file is fine but the staffer should know something (an unsigned file). */
  warnings: string[];
  exportId: string;
  sequence: number;
  createdAt: string;
  counts: Record<ImportItemState, number>;
  items: ImportItem[];
  /** Files of people erased here (GDPR art. 17) the file holds: left out, and not named. */
  erasedLeftOut: number;
  /** Set when the file is a partner's request to erase a person: their files here (none: nothing to do). */
  erasureRequest: { erasedOn: string; files: { id: string; name: string }[] } | null;
}

/** What to do with each record that needs a decision; the rest follows the preview. */
export const IMPORT_DECISIONS = ['take_theirs', 'keep_ours', 'skip'] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];
/** Record id → decision. */
export type ImportDecisions = Record<string, ImportDecision>;

/** The records that ask the staffer: conflicts, older versions, new files that may be someone already here. */
export type ImportQuestion = 'conflict' | 'older' | 'duplicate';

/** What the import does with a record the staffer says nothing about. */
const IMPORT_DEFAULT_DECISIONS: Readonly<Record<ImportItemState, ImportDecision>> = {
  new: 'take_theirs',
  updated: 'take_theirs',
  conflict: 'keep_ours',
  older: 'keep_ours',
  unchanged: 'keep_ours',
};

/** What the staffer may choose for each question, the default first. */
export const IMPORT_CHOICES: Readonly<Record<ImportQuestion, readonly [ImportDecision, ...ImportDecision[]]>> = {
  conflict: [IMPORT_DEFAULT_DECISIONS.conflict, 'take_theirs'],
  older: [IMPORT_DEFAULT_DECISIONS.older, 'take_theirs'],
  duplicate: [IMPORT_DEFAULT_DECISIONS.new, 'skip'],
};

/** The question a record asks, if any: a new file asks only when it may be someone already here. */
export function importQuestionOf(item: Pick<ImportItem, 'state' | 'likelyDuplicates'>): ImportQuestion | null {
  if (item.state === 'conflict' || item.state === 'older') return item.state;
  if (item.state === 'new' && item.likelyDuplicates.length > 0) return 'duplicate';
  return null;
}

/** The decisions the import would take by itself, one per record that asks, for the staffer to see and change. */
export function defaultImportDecisions(items: readonly ImportItem[]): ImportDecisions {
  const decisions: ImportDecisions = {};
  for (const item of items) {
    const question = importQuestionOf(item);
    if (question) decisions[item.id] = IMPORT_CHOICES[question][0];
  }
  return decisions;
}

/** Whether the import writes the file's version of a record (an unchanged one is never written again). */
export function takesTheirs(state: ImportItemState, decision: ImportDecision | undefined): boolean {
  return state !== 'unchanged' && (decision ?? IMPORT_DEFAULT_DECISIONS[state]) === 'take_theirs';
}

export const importApplySchema = z.strictObject({
  token: uuid,
  /** Record id → decision, for the records that ask one (`importQuestionOf`); the others take their default. */
  decisions: z.record(z.string(), z.enum(IMPORT_DECISIONS)).default({}),
});

export interface ImportResult {
  written: number;
  skipped: number;
  /** The backup taken just before (its name in the backups list); none for a request to erase, which writes no record. */
  backup: string | null;
  /** A partner's request to erase a person was recorded, for the staffer to decide (home screen). */
  erasureRequestRecorded: boolean;
}

// ---------------------------------------------------------------- The file's content

/** The record types an export carries (volunteers, sessions and the pipeline stay local). */
export const EXCHANGED_RECORD_TYPES = ['candidate', 'timelineEvent', 'partner', 'sector'] as const;
export type ExchangedRecordType = (typeof EXCHANGED_RECORD_TYPES)[number];

export const EXPORT_SCHEMA_VERSION = 1;

/**
 * A request to erase a person (GDPR art. 17 and 19) travels in the same signed, encrypted
 * envelope, as a message of its own kind at version 2: a reader of version 1 refuses it as
 * "from a newer version of Tremplin" before reading it, while exports stay at version 1 so
 * those readers still take them. It carries the person's exchange ids and the date, nothing else.
 */
export const ERASURE_REQUEST_SCHEMA_VERSION = 2;

export interface ErasureRequestFile {
  fileName: string;
  /** The `.tremplin` file, base64 (the window saves it). */
  content: string;
}

export const PROGRESS_STEPS = ['reading', 'encrypting', 'checking', 'decrypting', 'comparing', 'backup', 'writing'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

/** What a long export or import is doing, for the window to show while it waits. */
export interface ExchangeProgress {
  operation: 'export' | 'import';
  step: ProgressStep;
  /** Files done and to do in this step, when it counts them. */
  done: number | null;
  total: number | null;
}

/** One export or import, as the association must be able to show it (who, when, what, with whom). */
export interface ExchangeLogEntry {
  id: string;
  at: string;
  actor: string | null;
  direction: 'export' | 'import';
  exportId: string;
  sequence: number;
  counterpartName: string | null;
  byPassphrase: boolean;
  counts: Record<string, number>;
  /** How many candidates' files went out or came in (their ids stay in the log). */
  candidates: number;
  fileName: string | null;
}

export const exchangeLogSchema = z.strictObject({
  /** Only the entries that concern this candidate. */
  candidateId: uuid.optional(),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const exchangeMethods = {
  'exchange.status': reads<ExchangeStatus>('exchange')(z.strictObject({})),
  'exchange.saveProfile': writes<AssociationProfile>('settings')(associationProfileSchema),
  /** Makes the keys; with passphrase protection the passphrase is required. */
  'exchange.createKeys': writes<ExchangeStatus>('settings')(z.strictObject({ passphrase: keyPassphrase.optional() })),
  'exchange.unlock': reads<ExchangeStatus>('exchange')(z.strictObject({ passphrase: z.string().max(200) })),
  'exchange.lock': reads<ExchangeStatus>('exchange')(z.strictObject({})),
  'exchange.ownCard': reads<{ fileName: string; content: string; fingerprint: Fingerprint }>('exchange')(z.strictObject({})),
  'exchange.previewCard': reads<CardPreview>('exchange')(z.strictObject({ content: cardText })),
  'exchange.importCard': writes<PartnerCard>('exchange')(z.strictObject({ content: cardText, partnerId: uuid.nullish() })),
  'exchange.verifyCard': writes<PartnerCard>('exchange')(z.strictObject({ id: uuid })),
  'exchange.listCards': reads<PartnerCard[]>('exchange')(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'exchange.previewExport': reads<ExportPreview>('exchange')(exportRequestSchema),
  'exchange.export': writes<ExportResult>('exchange')(exportRequestSchema.extend({ author: optionalText(100) })),
  'exchange.openImport': reads<ImportPreview>('exchange')(importOpenSchema),
  'exchange.applyImport': writes<ImportResult>('exchange')(importApplySchema.extend({ author: optionalText(100) })),
  'exchange.dropImport': reads<{ dropped: boolean }>('exchange')(z.strictObject({ token: uuid })),
  'exchange.log': reads<{ items: ExchangeLogEntry[]; total: number }>('exchange')(exchangeLogSchema),
  /**
   * After an erasure: a request to erase the person, for a partner whose card we hold and who
   * received their file. `candidateIds` are the files erased (ErasureResult.erasedIds).
   */
  'exchange.erasureRequest': writes<ErasureRequestFile>('exchange')(
    z.strictObject({ candidateIds: z.array(uuid).min(1).max(50), associationId: uuid, author: optionalText(100) }),
  ),
  /** Polled while an export or an import runs; null when none does. */
  'exchange.progress': reads<ExchangeProgress | null>('exchange')(z.strictObject({})),
};
