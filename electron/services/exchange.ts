import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ParsedInputOf } from '../../shared/api';
import {
  type AssociationProfile,
  type BlockReason,
  type CardPreview,
  EXPORT_SCHEMA_VERSION,
  type ExchangeLogEntry,
  type ExchangeProgress,
  type ExchangeStatus,
  type ExportPreview,
  type ExportResult,
  IMPORT_MAX_BYTES,
  type ImportItem,
  type ImportItemLabel,
  type ImportItemState,
  type ImportPreview,
  type ImportResult,
  type PartnerCard,
  type PartnerCardFile,
  type ProgressStep,
  associationProfileSchema,
  partnerCardFileSchema,
  takesTheirs,
} from '../../shared/exchange';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { candidateSharingConsents, candidates, exchangeLog, partnerCards, partnerContacts, partners, sectors } from '../db/schema';
import { DecryptionError, decrypt, encryptToRecipients, encryptWithPassphrase } from '../exchange/age';
import { EnvelopeError, packEnvelope, unpackEnvelope } from '../exchange/envelope';
import { type UnlockedIdentity, createIdentity, fingerprintOf, readIdentity, unlockIdentity } from '../exchange/identity';
import { SignatureError, parsePublicKey, signDetached, verifyDetached } from '../exchange/minisign';
import { type Payload, PayloadError, parsePayload } from '../exchange/payload';
import { type OsEncryption, ProtectionError, type ScryptCost, osKeychainProtector, passphraseProtector } from '../exchange/protection';
import { type RecordSet, classifyAll, fromUnknownSender, readRecords, recordAgreedVersions, writeRecords } from '../exchange/records';
import { generatePassphrase, normalisePassphrase } from '../exchange/words';
import { recordAudit } from './audit';
import type { BackupService } from './backups';
import { type Clock, newId, systemClock } from './clock';
import { findDuplicatesOfMany } from './duplicates';
import { findRow } from './records';
import { readSetting, writeSetting } from './settings';

export interface ExchangeOptions {
  db: Db;
  clock?: Clock;
  /** Electron's safeStorage where it really protects keys; absent: passphrase protection. */
  osEncryption?: OsEncryption;
  /** Takes the backup every import starts with. */
  backups: Pick<BackupService, 'beforeImport'>;
  /** Lowered by tests only. */
  keyScryptCost?: ScryptCost;
  exportScryptWorkFactor?: number;
}

export const PROFILE_KEY = 'association';
export const SEQUENCE_KEY = 'exchange.sequence';
const CARD_NOT_FOUND = 'exchange.errors.cardNotFound';

const storedProfileSchema = associationProfileSchema.extend({ associationId: z.uuid() });

/** How long an opened file waits for the staffer's decisions. */
const PENDING_IMPORT_MINUTES = 60;

interface PendingImport {
  payload: Payload;
  /** The verified sender; null when nothing proves who sent the file. */
  senderId: string | null;
  senderName: string;
  cardId: string | null;
  byPassphrase: boolean;
  fileName: string;
  states: Map<string, ImportItemState>;
  openedAt: number;
}

function fail(key: string, fields?: Record<string, string>): never {
  throw new AppError('validation', key, fields);
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'association'
  );
}

/**
 * The readme inside every file, for a partner who opens it with the standard tools. The age
 * tool takes a passphrase exactly as typed: the six words joined by hyphens, as generated.
 */
function readme(sender: string, byPassphrase: boolean): string {
  const open = byPassphrase ? 'age -d -o export.json export.json.age' : 'age -d -i <votre-cle-age> -o export.json export.json.age';
  const openEn = byPassphrase ? 'age -d -o export.json export.json.age' : 'age -d -i <your-age-key> -o export.json export.json.age';
  return [
    `Export Tremplin de « ${sender} ».`,
    'Ouvrez-le dans Tremplin (Échanges > Importer). Sans Tremplin :',
    '  1. vérifier la signature : minisign -V -P <clé publique de la carte> -m export.json.age',
    `  2. déchiffrer : ${open}`,
    ...(byPassphrase
      ? ['     à la demande de age, tapez les six mots dits par téléphone, en minuscules, sans accents, reliés par des tirets :', '     mot-mot-mot-mot-mot-mot']
      : []),
    '',
    `Tremplin export from "${sender}".`,
    'Open it in Tremplin (Exchange > Import). Without Tremplin:',
    '  1. check the signature: minisign -V -P <public key from the card> -m export.json.age',
    `  2. decrypt: ${openEn}`,
    ...(byPassphrase
      ? ['     when age asks, type the six words given to you by phone, in lower case, without accents, joined by hyphens:', '     word-word-word-word-word-word']
      : []),
    '',
  ].join('\n');
}

/** The message for a file that is not an envelope Tremplin reads. */
export function envelopeErrorKey(error: EnvelopeError): string {
  return error.reason === 'too_large' ? 'exchange.errors.tooLarge' : error.reason === 'damaged' ? 'exchange.errors.damaged' : 'exchange.errors.notAnExport';
}

/** age files made with a passphrase carry a scrypt stanza in their header. */
function isPassphraseFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 512)));
  return head.includes('\n-> scrypt ');
}

export function createExchangeService(options: ExchangeOptions) {
  const { db, clock = systemClock, osEncryption } = options;
  const stamp = () => clock.now().toISOString();
  let unlocked: UnlockedIdentity | null = null;
  const pending = new Map<string, PendingImport>();
  const applied = new Map<string, { result: Promise<ImportResult>; openedAt: number }>();
  let progress: ExchangeProgress | null = null;

  function report(step: ProgressStep, done: number | null = null, total: number | null = null) {
    if (progress) progress = { ...progress, step, done, total };
  }

  /** Runs a long operation with its progress visible to `exchange.progress`, cleared at the end. */
  function tracked<Input, Output>(operation: ExchangeProgress['operation'], run: (input: Input) => Promise<Output>) {
    return async (input: Input): Promise<Output> => {
      progress = { operation, step: operation === 'export' ? 'reading' : 'checking', done: null, total: null };
      try {
        return await run(input);
      } finally {
        progress = null;
      }
    };
  }

  const protection = osEncryption ? 'os_keychain' : 'passphrase';
  const profile = (): AssociationProfile | null => readSetting(db, PROFILE_KEY, storedProfileSchema);

  /** With the OS keychain the keys open by themselves; with a passphrase, after `unlock`. */
  function identity(): UnlockedIdentity {
    if (!unlocked && osEncryption && readIdentity(db)) unlocked = unlockIdentity(db, osKeychainProtector(osEncryption));
    if (!unlocked) throw new AppError('validation', readIdentity(db) ? 'exchange.errors.locked' : 'exchange.errors.noKeys');
    return unlocked;
  }

  function requireProfile(): AssociationProfile {
    const current = profile();
    if (!current) throw new AppError('validation', 'exchange.errors.noProfile');
    return current;
  }

  function status(): ExchangeStatus {
    const keys = readIdentity(db);
    if (keys && !unlocked && osEncryption) identity();
    return {
      profile: profile(),
      protection,
      keys: keys ? { createdAt: keys.createdAt, fingerprint: fingerprintOf(keys), unlocked: unlocked !== null } : null,
    };
  }

  function toCard(row: typeof partnerCards.$inferSelect): PartnerCard {
    const { seq: _seq, origin: _origin, ageRecipient, signingPublicKey, ...card } = row;
    return { ...card, fingerprint: fingerprintOf({ ageRecipient, signingPublicKey }) };
  }

  function readCard(content: string): PartnerCardFile {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      fail('exchange.errors.notACard');
    }
    const parsed = partnerCardFileSchema.safeParse(json);
    if (!parsed.success) fail('exchange.errors.notACard');
    try {
      parsePublicKey(parsed.data.signingPublicKey);
    } catch {
      fail('exchange.errors.notACard');
    }
    return parsed.data;
  }

  function previewCard(content: string): CardPreview {
    const { format: _format, version: _version, ...card } = readCard(content);
    const existing = db.select().from(partnerCards).where(eq(partnerCards.associationId, card.associationId)).get();
    return {
      card,
      fingerprint: fingerprintOf(card),
      existing: existing
        ? {
            id: existing.id,
            sameKeys: existing.ageRecipient === card.ageRecipient && existing.signingPublicKey === card.signingPublicKey,
            verified: existing.verifiedAt !== null,
          }
        : null,
      isOurs: card.associationId === profile()?.associationId,
    };
  }

  /** The partner a target means, for the consent check; and the card when there is one. */
  function resolveTarget(to: ParsedInputOf<'exchange.previewExport'>['to']) {
    if (to.kind === 'passphrase') {
      const partner = findRow(db, partners, to.partnerId, 'exchange.errors.partnerNotFound');
      return { partnerId: partner.id, partnerName: partner.name, card: null };
    }
    const card = findRow(db, partnerCards, to.partnerCardId, CARD_NOT_FOUND);
    if (card.archivedAt) fail(CARD_NOT_FOUND);
    if (!card.verifiedAt) fail('exchange.errors.cardNotVerified');
    if (!card.partnerId) fail('exchange.errors.cardNotLinked');
    return { partnerId: card.partnerId, partnerName: card.name, card };
  }

  function previewExport(request: ParsedInputOf<'exchange.previewExport'>): ExportPreview {
    const target = resolveTarget(request.to);
    const ids =
      request.scope.kind === 'candidates'
        ? [...new Set(request.scope.ids)]
        : db
            .select({ id: candidateSharingConsents.candidateId })
            .from(candidateSharingConsents)
            .where(eq(candidateSharingConsents.partnerId, target.partnerId))
            .all()
            .map((row) => row.id);
    const rows: { id: string; firstName: string; lastName: string; consentRecording: boolean; consentWithdrawnOn: string | null; archivedAt: string | null }[] =
      [];
    for (let start = 0; start < ids.length; start += 500) {
      rows.push(
        ...db
          .select({
            id: candidates.id,
            firstName: candidates.firstName,
            lastName: candidates.lastName,
            consentRecording: candidates.consentRecording,
            consentWithdrawnOn: candidates.consentWithdrawnOn,
            archivedAt: candidates.archivedAt,
          })
          .from(candidates)
          .where(inArray(candidates.id, ids.slice(start, start + 500)))
          .all(),
      );
    }
    if (request.scope.kind === 'candidates' && rows.length !== ids.length) fail('errors.candidateNotFound');
    const sharedWith = new Set(
      db
        .select({ id: candidateSharingConsents.candidateId })
        .from(candidateSharingConsents)
        .where(eq(candidateSharingConsents.partnerId, target.partnerId))
        .all()
        .map((row) => row.id),
    );
    const preview: ExportPreview = { allowed: [], blocked: [] };
    for (const row of rows.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName))) {
      const name = `${row.firstName} ${row.lastName}`;
      let reason: BlockReason | null = null;
      if (row.archivedAt) reason = 'archived';
      else if (!row.consentRecording) reason = 'no_recording_consent';
      else if (row.consentWithdrawnOn) reason = 'consent_withdrawn';
      else if (!sharedWith.has(row.id)) reason = 'not_shared_with_partner';
      if (reason) preview.blocked.push({ id: row.id, name, reason });
      else preview.allowed.push({ id: row.id, name });
    }
    return preview;
  }

  async function exportFile(request: ParsedInputOf<'exchange.export'>): Promise<ExportResult> {
    const sender = requireProfile();
    const keys = identity();
    const target = resolveTarget(request.to);
    const { allowed, blocked } = previewExport(request);
    if (allowed.length === 0) fail('exchange.errors.nothingToExport');

    report('reading', 0, allowed.length);
    const records = await readRecords(
      db,
      allowed.map((candidate) => candidate.id),
      {
        ourAssociationId: sender.associationId,
        recipientPartnerId: target.partnerId,
        includeNotes: request.includeNotes,
        includeBarriers: request.includeBarriers,
        onProgress: (done) => report('reading', done, allowed.length),
      },
    );
    const sequence = (readSetting(db, SEQUENCE_KEY, z.int()) ?? 0) + 1;
    const exportId = newId();
    const createdAt = stamp();
    const counts = {
      candidates: records.candidates.length,
      timelineEvents: records.timelineEvents.length,
      partners: records.partners.length,
      sectors: records.sectors.length,
    };
    const payload: Payload = {
      format: 'tremplin-export',
      schemaVersion: EXPORT_SCHEMA_VERSION,
      manifest: {
        exportId,
        sender: {
          associationId: sender.associationId,
          name: sender.name,
          siret: sender.siret,
          ageRecipient: keys.ageRecipient,
          signingPublicKey: keys.signingPublicKey,
        },
        recipients: target.card
          ? [{ kind: 'association', associationId: target.card.associationId, name: target.card.name }]
          : [{ kind: 'passphrase', partnerName: target.partnerName }],
        sequence,
        createdAt,
        counts,
        leftOut: [...(request.includeNotes ? [] : (['notes'] as const)), ...(request.includeBarriers ? [] : (['barriers'] as const))],
      },
      records,
      deletions: [],
    };
    report('encrypting');
    const plaintext = new TextEncoder().encode(JSON.stringify(payload));
    const passphrase = target.card ? null : generatePassphrase();
    const encrypted = target.card
      ? await encryptToRecipients(plaintext, [target.card.ageRecipient, keys.ageRecipient])
      : await encryptWithPassphrase(plaintext, passphrase as string, options.exportScryptWorkFactor);
    const signature = signDetached(encrypted, keys.signingKey, `tremplin export ${exportId} sequence ${sequence} from ${sender.associationId}`);
    const file = packEnvelope({ payload: encrypted, signature, readme: readme(sender.name, passphrase !== null) }, Math.floor(Date.parse(createdAt) / 1000));
    const fileName = `tremplin-${slug(sender.name)}-${createdAt.slice(0, 10)}-${sequence}.tremplin`;

    db.transaction((tx) => {
      writeSetting(tx, SEQUENCE_KEY, sequence);
      tx.insert(exchangeLog)
        .values({
          id: newId(),
          at: createdAt,
          actor: request.author ?? null,
          direction: 'export',
          exportId,
          sequence,
          counterpartId: target.card?.associationId ?? null,
          counterpartName: target.partnerName,
          byPassphrase: passphrase !== null,
          counts,
          recordIds: records.candidates.map((candidate) => candidate.id),
          fileName,
        })
        .run();
      if (target.card) {
        recordAgreedVersions(tx, target.card.associationId, [
          ...records.candidates.map((record) => ({ recordType: 'candidate' as const, id: record.id, updatedAt: record.updatedAt })),
          ...records.timelineEvents.map((record) => ({ recordType: 'timelineEvent' as const, id: record.id, updatedAt: record.updatedAt })),
          ...records.partners.map((record) => ({ recordType: 'partner' as const, id: record.id, updatedAt: record.updatedAt })),
          ...records.sectors.map((record) => ({ recordType: 'sector' as const, id: record.id, updatedAt: record.updatedAt })),
        ]);
      }
    });
    recordAudit(db, createdAt, { action: 'exchange.export', subjectType: 'export', subjectId: exportId, details: { counts, to: target.partnerName } });
    return { exportId, sequence, fileName, content: Buffer.from(file).toString('base64'), passphrase, counts, blocked };
  }

  /** Checks and decrypts a file; nothing is written. */
  async function openImport(input: ParsedInputOf<'exchange.openImport'>): Promise<ImportPreview> {
    const bytes = Buffer.from(input.content, 'base64');
    if (bytes.length > IMPORT_MAX_BYTES) fail('exchange.errors.tooLarge');
    let envelope: ReturnType<typeof unpackEnvelope>;
    try {
      envelope = unpackEnvelope(bytes, IMPORT_MAX_BYTES);
    } catch (error) {
      if (error instanceof EnvelopeError) fail(envelopeErrorKey(error));
      throw error;
    }

    const byPassphrase = isPassphraseFile(envelope.payload);
    let card: typeof partnerCards.$inferSelect | null = null;
    // A passphrase file may come from a partner whose card we do not (yet) hold: it opens with a
    // warning. A file encrypted to our key must be signed by a verified partner.
    const signer = envelope.signature === null ? null : byPassphrase ? verifiedSignerOf(envelope.signature) : signerOf(envelope.signature);
    if (envelope.signature !== null && signer) {
      card = signer;
      try {
        verifyDetached(envelope.payload, envelope.signature, parsePublicKey(card.signingPublicKey));
      } catch (error) {
        if (error instanceof SignatureError) fail('exchange.errors.badSignature');
        throw error;
      }
    } else if (!byPassphrase) {
      fail('exchange.errors.unsigned');
    }
    const warnings = card ? [] : [envelope.signature === null ? 'exchange.warnings.unsigned' : 'exchange.warnings.signerUnknown'];

    report('decrypting');
    let plaintext: Uint8Array;
    try {
      if (byPassphrase) {
        if (!input.passphrase) fail('exchange.errors.passphraseRequired', { passphrase: 'exchange.errors.passphraseRequired' });
        plaintext = await decrypt(envelope.payload, { passphrase: normalisePassphrase(input.passphrase) });
      } else {
        plaintext = await decrypt(envelope.payload, { identities: [identity().ageIdentity] });
      }
    } catch (error) {
      if (error instanceof DecryptionError) {
        if (error.reason === 'too_costly') fail('exchange.errors.passphraseTooCostly');
        if (error.reason === 'no_matching_key') {
          fail(byPassphrase ? 'exchange.errors.wrongPassphrase' : 'exchange.errors.notForUs', byPassphrase ? { passphrase: 'exchange.errors.wrongPassphrase' } : undefined);
        }
        fail('exchange.errors.damaged');
      }
      throw error;
    }

    let payload: Payload;
    try {
      payload = parsePayload(plaintext, { ...knownIds(), ...uniqueKeysHere() });
    } catch (error) {
      if (error instanceof PayloadError) fail(`exchange.errors.payload.${error.reason}`, error.path ? { record: error.path } : undefined);
      throw error;
    }
    const { manifest } = payload;
    if (card && (manifest.sender.associationId !== card.associationId || manifest.sender.signingPublicKey !== card.signingPublicKey)) {
      fail('exchange.errors.senderMismatch');
    }
    if (manifest.sender.associationId === profile()?.associationId) fail('exchange.errors.ownFile');
    // Only a verified signature says who sent a file. Without one, what the manifest says (sender,
    // sequence) drives nothing: no replay check, no versions agreed, and the file updates nothing here.
    if (card) {
      checkReplay(manifest.sender.associationId, manifest.exportId, manifest.sequence, card);
    } else {
      const knownAssociations = new Set([
        ...db.select({ id: partnerCards.associationId }).from(partnerCards).all().map((row) => row.id),
        ...(profile() ? [profile()?.associationId ?? ''] : []),
      ]);
      payload.records = fromUnknownSender(db, payload.records, { knownAssociations, unknownOrigin: newId(), newId });
    }

    report('comparing', 0, payload.records.candidates.length);
    const classified = classifyAll(db, card?.associationId ?? null, payload.records);
    const states = new Map(classified.map((item) => [item.id, item.state]));
    const labels = labelsOf(payload.records);
    const newCandidates = payload.records.candidates.filter((record) => states.get(record.id) === 'new');
    const duplicates = new Map(
      findDuplicatesOfMany(db, newCandidates).map((matches, index) => [
        newCandidates[index]?.id,
        matches.map((match) => ({ id: match.candidate.id, name: `${match.candidate.firstName} ${match.candidate.lastName}` })),
      ]),
    );
    const items: ImportItem[] = classified.map((item) => ({
      ...item,
      label: labels.get(item.id) ?? { type: 'name', name: item.id },
      likelyDuplicates: duplicates.get(item.id) ?? [],
    }));
    const counts = { new: 0, updated: 0, unchanged: 0, conflict: 0, older: 0 } satisfies Record<ImportItemState, number>;
    for (const item of items) counts[item.state]++;

    prunePending();
    const token = newId();
    pending.set(token, {
      payload,
      senderId: card?.associationId ?? null,
      senderName: card?.name ?? manifest.sender.name,
      cardId: card?.id ?? null,
      byPassphrase,
      fileName: input.fileName,
      states,
      openedAt: clock.now().getTime(),
    });
    return {
      token,
      sender: {
        associationId: manifest.sender.associationId,
        name: card?.name ?? manifest.sender.name,
        fingerprint: fingerprintOf(manifest.sender),
      },
      signature: card ? 'verified' : 'unsigned',
      warnings,
      exportId: manifest.exportId,
      sequence: manifest.sequence,
      createdAt: manifest.createdAt,
      counts,
      items,
    };
  }

  /** The card (not archived) whose key made this signature, if we hold it. */
  function cardOfSignature(signature: string): typeof partnerCards.$inferSelect | undefined {
    const payload = signature.split(/\r?\n/)[1]?.trim() ?? '';
    const keyId = Buffer.from(payload, 'base64').subarray(2, 10);
    const cards = db.select().from(partnerCards).where(isNull(partnerCards.archivedAt)).all();
    return cards.find((candidate) => parsePublicKey(candidate.signingPublicKey).keyId.equals(keyId));
  }

  /** The verified card whose key made this signature, else a refusal that says what to do. */
  function signerOf(signature: string): typeof partnerCards.$inferSelect {
    const card = cardOfSignature(signature);
    if (!card) fail('exchange.errors.unknownSender');
    if (!card.verifiedAt) fail('exchange.errors.senderNotVerified');
    return card;
  }

  function verifiedSignerOf(signature: string): typeof partnerCards.$inferSelect | null {
    const card = cardOfSignature(signature);
    return card?.verifiedAt ? card : null;
  }

  /**
   * The same file again is fine (its records come out unchanged); another file with an
   * older or equal sequence number from the same sender is a replay.
   */
  function checkReplay(senderId: string, exportId: string, sequence: number, card: typeof partnerCards.$inferSelect | null) {
    const seen = db
      .select({ id: exchangeLog.id })
      .from(exchangeLog)
      .where(and(eq(exchangeLog.direction, 'import'), eq(exchangeLog.exportId, exportId)))
      .get();
    if (seen) return;
    const highest =
      card?.lastSequence ??
      db
        .select({ highest: max(exchangeLog.sequence) })
        .from(exchangeLog)
        .where(and(eq(exchangeLog.direction, 'import'), eq(exchangeLog.counterpartId, senderId)))
        .get()?.highest ??
      0;
    if (sequence <= highest) fail('exchange.errors.replay');
  }

  function knownIds() {
    const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
    return {
      sectors: ids(db.select({ id: sectors.id }).from(sectors).all()),
      partners: ids(db.select({ id: partners.id }).from(partners).all()),
      candidates: ids(db.select({ id: candidates.id }).from(candidates).all()),
    };
  }

  /** Keys an incoming record must not take from another one here. */
  function uniqueKeysHere() {
    const seeded = db.select({ id: sectors.id, seedKey: sectors.seedKey }).from(sectors).where(isNotNull(sectors.seedKey)).all();
    const contacts = db.select({ id: partnerContacts.id, partnerId: partnerContacts.partnerId }).from(partnerContacts).all();
    return {
      seededSectors: new Map(seeded.map((row) => [row.seedKey ?? '', row.id])),
      contactOwners: new Map(contacts.map((row) => [row.id, row.partnerId])),
    };
  }

  function labelsOf(records: RecordSet): Map<string, ImportItemLabel> {
    const labels = new Map<string, ImportItemLabel>();
    for (const candidate of records.candidates) labels.set(candidate.id, { type: 'name', name: `${candidate.firstName} ${candidate.lastName}` });
    for (const partner of records.partners) labels.set(partner.id, { type: 'name', name: partner.name });
    for (const sector of records.sectors) labels.set(sector.id, { type: 'sector', seedKey: sector.seedKey, name: sector.name });
    for (const event of records.timelineEvents) labels.set(event.id, { type: 'timelineEvent', kind: event.kind, occurredOn: event.occurredAt.slice(0, 10) });
    return labels;
  }

  function prunePending() {
    const oldest = clock.now().getTime() - PENDING_IMPORT_MINUTES * 60_000;
    for (const [token, entry] of pending) if (entry.openedAt < oldest) pending.delete(token);
    for (const [token, entry] of applied) if (entry.openedAt < oldest) applied.delete(token);
  }

  /**
   * Applies a preview once: the calls that come while it runs, or after (a double click, a
   * retry), get the same answer. The file leaves memory as soon as it is being applied.
   */
  function applyImport(input: ParsedInputOf<'exchange.applyImport'>): Promise<ImportResult> {
    prunePending();
    const done = applied.get(input.token);
    if (done) return done.result;
    const entry = pending.get(input.token);
    if (!entry) throw new AppError('not_found', 'exchange.errors.importExpired');
    pending.delete(input.token);
    const result = applyPending(entry, input);
    applied.set(input.token, { result, openedAt: entry.openedAt });
    // A failed attempt (the backup could not be taken) may be tried again.
    result.catch(() => {
      applied.delete(input.token);
      pending.set(input.token, entry);
    });
    return result;
  }

  async function applyPending(entry: PendingImport, input: ParsedInputOf<'exchange.applyImport'>): Promise<ImportResult> {
    const { payload } = entry;
    const wanted = (id: string): boolean => {
      const state = entry.states.get(id);
      return state !== undefined && takesTheirs(state, input.decisions[id]);
    };
    const chosenCandidates = payload.records.candidates.filter((record) => wanted(record.id));
    const candidatesHere = new Set([...chosenCandidates.map((record) => record.id), ...knownIds().candidates]);
    // Sectors and partners the chosen files point to come with them when they are new here.
    const needed = new Set(chosenCandidates.flatMap((record) => [...record.sectorIds, ...record.sharingPartnerIds, record.referralPartnerId ?? '']));
    const chosen: RecordSet = {
      sectors: payload.records.sectors.filter((record) => wanted(record.id) || (needed.has(record.id) && entry.states.get(record.id) === 'new')),
      partners: payload.records.partners.filter((record) => wanted(record.id) || (needed.has(record.id) && entry.states.get(record.id) === 'new')),
      candidates: chosenCandidates,
      timelineEvents: payload.records.timelineEvents.filter((record) => wanted(record.id) && candidatesHere.has(record.subjectId)),
    };
    const written = chosen.sectors.length + chosen.partners.length + chosen.candidates.length + chosen.timelineEvents.length;
    const total = entry.states.size;

    report('backup');
    const backup = await options.backups.beforeImport();
    report('writing', 0, written);
    const now = stamp();

    const agreed = (type: 'candidate' | 'timelineEvent' | 'partner' | 'sector', list: { id: string; updatedAt: string }[]) =>
      list
        .filter((record) => entry.states.get(record.id) === 'unchanged' || wanted(record.id))
        .map((record) => ({ recordType: type, id: record.id, updatedAt: record.updatedAt }));
    db.transaction((tx) => {
      writeRecords(db, tx, chosen, { ourAssociationId: profile()?.associationId ?? null, barriersLeftOut: payload.manifest.leftOut.includes('barriers') });
      if (entry.senderId) {
        recordAgreedVersions(tx, entry.senderId, [
          ...agreed('candidate', payload.records.candidates),
          ...agreed('timelineEvent', payload.records.timelineEvents),
          ...agreed('partner', payload.records.partners),
          ...agreed('sector', payload.records.sectors),
        ]);
      }
      if (entry.cardId) {
        tx.update(partnerCards)
          .set({ lastSequence: payload.manifest.sequence, updatedAt: now })
          .where(and(eq(partnerCards.id, entry.cardId), lt(partnerCards.lastSequence, payload.manifest.sequence)))
          .run();
      }
      tx.insert(exchangeLog)
        .values({
          id: newId(),
          at: now,
          actor: input.author ?? null,
          direction: 'import',
          exportId: payload.manifest.exportId,
          sequence: payload.manifest.sequence,
          counterpartId: entry.senderId,
          counterpartName: entry.senderName,
          byPassphrase: entry.byPassphrase,
          counts: { written, skipped: total - written },
          recordIds: chosen.candidates.map((record) => record.id),
          fileName: entry.fileName,
        })
        .run();
    });
    recordAudit(db, now, {
      action: 'exchange.import',
      subjectType: 'export',
      subjectId: payload.manifest.exportId,
      details: { from: entry.senderName, written },
    });
    return { written, skipped: total - written, backup: backup.name };
  }

  return {
    status,

    saveProfile(input: ParsedInputOf<'exchange.saveProfile'>): AssociationProfile {
      const saved = { ...input, associationId: profile()?.associationId ?? newId() };
      writeSetting(db, PROFILE_KEY, saved);
      return saved;
    },

    async createKeys({ passphrase }: ParsedInputOf<'exchange.createKeys'>): Promise<ExchangeStatus> {
      if (readIdentity(db)) throw new AppError('conflict', 'exchange.errors.keysExist');
      const protector = osEncryption
        ? osKeychainProtector(osEncryption)
        : passphrase
          ? passphraseProtector(passphrase, options.keyScryptCost)
          : fail('errors.validation', { passphrase: 'exchange.validation.passphraseRequired' });
      await createIdentity(db, protector, stamp());
      unlocked = unlockIdentity(db, protector);
      return status();
    },

    unlock({ passphrase }: ParsedInputOf<'exchange.unlock'>): ExchangeStatus {
      if (!readIdentity(db)) throw new AppError('validation', 'exchange.errors.noKeys');
      if (!osEncryption) {
        try {
          unlocked = unlockIdentity(db, passphraseProtector(passphrase, options.keyScryptCost));
        } catch (error) {
          if (error instanceof ProtectionError) fail('errors.validation', { passphrase: 'exchange.errors.wrongKeyPassphrase' });
          throw error;
        }
      }
      return status();
    },

    lock(): ExchangeStatus {
      if (!osEncryption) unlocked = null;
      return status();
    },

    ownCard(): { fileName: string; content: string; fingerprint: ReturnType<typeof fingerprintOf> } {
      const sender = requireProfile();
      const keys = readIdentity(db);
      if (!keys) throw new AppError('validation', 'exchange.errors.noKeys');
      const card: PartnerCardFile = {
        format: 'tremplin-card',
        version: 1,
        associationId: sender.associationId,
        name: sender.name,
        siret: sender.siret,
        email: sender.email,
        phone: sender.phone,
        ageRecipient: keys.ageRecipient,
        signingPublicKey: keys.signingPublicKey,
        createdAt: stamp(),
      };
      return { fileName: `carte-${slug(sender.name)}.tremplin-card.json`, content: `${JSON.stringify(card, null, 2)}\n`, fingerprint: fingerprintOf(keys) };
    },

    previewCard: ({ content }: { content: string }) => previewCard(content),

    importCard({ content, partnerId }: ParsedInputOf<'exchange.importCard'>): PartnerCard {
      const preview = previewCard(content);
      if (preview.isOurs) fail('exchange.errors.ownCard');
      if (partnerId) findRow(db, partners, partnerId, 'exchange.errors.partnerNotFound');
      const { card } = preview;
      const now = stamp();
      const values = {
        name: card.name,
        siret: card.siret,
        email: card.email,
        phone: card.phone,
        ageRecipient: card.ageRecipient,
        signingPublicKey: card.signingPublicKey,
        updatedAt: now,
        ...(partnerId !== undefined ? { partnerId: partnerId ?? null } : {}),
      };
      let id: string;
      if (preview.existing) {
        id = preview.existing.id;
        // New keys must be checked by phone again before files are trusted.
        const verifiedAt = preview.existing.sameKeys ? undefined : null;
        db.update(partnerCards)
          .set({ ...values, archivedAt: null, ...(verifiedAt === null ? { verifiedAt } : {}) })
          .where(eq(partnerCards.id, id))
          .run();
      } else {
        id = newId();
        db.insert(partnerCards)
          .values({ ...values, id, associationId: card.associationId, createdAt: now })
          .run();
      }
      recordAudit(db, now, { action: 'exchange.importCard', subjectType: 'partnerCard', subjectId: id, details: { name: card.name } });
      return toCard(findRow(db, partnerCards, id, CARD_NOT_FOUND));
    },

    verifyCard({ id }: { id: string }): PartnerCard {
      const card = findRow(db, partnerCards, id, CARD_NOT_FOUND);
      const now = stamp();
      if (!card.verifiedAt) {
        db.update(partnerCards).set({ verifiedAt: now, updatedAt: now }).where(eq(partnerCards.id, id)).run();
        recordAudit(db, now, { action: 'exchange.verifyCard', subjectType: 'partnerCard', subjectId: id });
      }
      return toCard(findRow(db, partnerCards, id, CARD_NOT_FOUND));
    },

    listCards({ includeArchived }: { includeArchived: boolean }): PartnerCard[] {
      return db
        .select()
        .from(partnerCards)
        .where(includeArchived ? undefined : isNull(partnerCards.archivedAt))
        .orderBy(asc(partnerCards.name))
        .all()
        .map(toCard);
    },

    previewExport,
    export: tracked('export', exportFile),
    openImport: tracked('import', openImport),
    applyImport: tracked('import', applyImport),
    progress: (): ExchangeProgress | null => progress,
    dropImport: ({ token }: { token: string }) => ({ dropped: pending.delete(token) }),

    log({ candidateId, limit, offset }: ParsedInputOf<'exchange.log'>): { items: ExchangeLogEntry[]; total: number } {
      const where = candidateId
        ? sql`EXISTS (SELECT 1 FROM json_each(${exchangeLog.recordIds}) WHERE json_each.value = ${candidateId})`
        : undefined;
      const rows = db.select().from(exchangeLog).where(where).orderBy(desc(exchangeLog.at)).limit(limit).offset(offset).all();
      const total = db.select({ total: count() }).from(exchangeLog).where(where).get()?.total ?? 0;
      return {
        items: rows.map(({ recordIds, counterpartId: _counterpart, ...row }) => ({
          ...row,
          direction: row.direction as ExchangeLogEntry['direction'],
          candidates: recordIds.length,
        })),
        total,
      };
    },
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
