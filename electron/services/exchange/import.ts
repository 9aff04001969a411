import type { ParsedInputOf } from '../../../shared/api';
import {
  IMPORT_MAX_BYTES,
  type ImportItem,
  type ImportItemLabel,
  type ImportItemState,
  type ImportPreview,
  type ImportResult,
  takesTheirs,
} from '../../../shared/exchange';
import { type Clock, moment, newId } from '../../core/clock';
import { AppError, refuse } from '../../core/errors';
import type { DatabaseSource } from '../../db/cipher';
import { largeWrite } from '../../db/checkpoints';
import type { WriteDb } from '../../db/handles';
import { DecryptionError, decrypt, isPassphraseFile } from '../../formats/age';
import { EnvelopeError, unpackEnvelope } from '../../formats/envelope';
import { SignatureError, parsePublicKey, verifyDetached } from '../../formats/minisign';
import { type ErasureRequestPayload, type Payload, PayloadError, parseMessage } from '../../formats/payload';
import { normalisePassphrase } from '../../formats/words';
import { auditedTransaction, describeAudit } from '../../store/audit';
import { withoutHeldBack } from '../rights';
import { type RecordSet, knownIds, recordAgreedVersions, uniqueKeysHere, writeRecords } from '../../store/exchange';
import { highestImportedSequence, logExchange, wasImported } from '../../store/exchange-log';
import { candidateNames, insertPartnerErasureRequest } from '../../store/rights-requests';
import { type PartnerCardRow, advanceCardSequence, cardAssociationIds } from '../../store/partner-cards';
import type { BackupService } from '../backups';
import { findDuplicatesOfMany } from '../duplicates';
import type { CardsService } from './cards';
import { fingerprintOf } from './identity';
import { classifyAll, fromUnknownSender } from './incoming';
import type { KeysService } from './keys';
import type { Progress } from './progress';

/**
 * Imports: a file is checked (size, signature, replay), decrypted and validated, and shown as
 * a preview; nothing is written until the staffer applies it, then a backup and one transaction.
 */

/** How long an opened file waits for the staffer's decisions. */
const PENDING_IMPORT_MINUTES = 60;

interface PendingFile {
  /** The verified sender; null when nothing proves who sent the file. */
  senderId: string | null;
  senderName: string;
  cardId: string | null;
  byPassphrase: boolean;
  fileName: string;
  openedAt: number;
}

/** A file of records, or a partner's request to erase a person (the person's files found here). */
type PendingImport = PendingFile &
  (
    | { kind: 'records'; payload: Payload; states: Map<string, ImportItemState> }
    | { kind: 'erasureRequest'; request: ErasureRequestPayload; filesHere: string[] }
  );
type PendingRecords = Extract<PendingImport, { kind: 'records' }>;
type PendingErasureRequest = Extract<PendingImport, { kind: 'erasureRequest' }>;

/** The message for a file that is not an envelope Tremplin reads. */
export function envelopeErrorKey(error: EnvelopeError): string {
  return error.reason === 'too_large' ? 'exchange.errors.tooLarge' : error.reason === 'damaged' ? 'exchange.errors.damaged' : 'exchange.errors.notAnExport';
}

export interface ImportOptions {
  db: WriteDb;
  clock: Clock;
  keys: KeysService;
  cards: CardsService;
  progress: Progress;
  /** Takes the backup every import starts with. */
  backups: Pick<BackupService, 'beforeImport'>;
  /** The file `db` writes, and its key: a worker copies an import's pages into it (see largeWrite). */
  databaseSource?: DatabaseSource;
}

export function createImportService({ db, clock, keys, cards, progress, backups, databaseSource }: ImportOptions) {
  const { report } = progress;
  const pending = new Map<string, PendingImport>();
  const applied = new Map<string, { result: Promise<ImportResult>; openedAt: number }>();

  /** Checks and decrypts a file; nothing is written. */
  async function openImport(input: ParsedInputOf<'exchange.openImport'>): Promise<ImportPreview> {
    const bytes = Buffer.from(input.content, 'base64');
    if (bytes.length > IMPORT_MAX_BYTES) refuse('exchange.errors.tooLarge');
    let envelope: ReturnType<typeof unpackEnvelope>;
    try {
      envelope = unpackEnvelope(bytes, IMPORT_MAX_BYTES);
    } catch (error) {
      if (error instanceof EnvelopeError) refuse(envelopeErrorKey(error));
      throw error;
    }

    const byPassphrase = isPassphraseFile(envelope.payload);
    let card: PartnerCardRow | null = null;
    // A passphrase file may come from a partner whose card we do not (yet) hold: it opens with a
    // warning. A file encrypted to our key must be signed by a verified partner.
    const signer = envelope.signature === null ? null : byPassphrase ? cards.verifiedSignerOf(envelope.signature) : cards.signerOf(envelope.signature);
    if (envelope.signature !== null && signer) {
      card = signer;
      try {
        verifyDetached(envelope.payload, envelope.signature, parsePublicKey(card.signingPublicKey));
      } catch (error) {
        if (error instanceof SignatureError) refuse('exchange.errors.badSignature');
        throw error;
      }
    } else if (!byPassphrase) {
      refuse('exchange.errors.unsigned');
    }
    const warnings = card ? [] : [envelope.signature === null ? 'exchange.ui.warnings.unsigned' : 'exchange.ui.warnings.signerUnknown'];

    report('decrypting');
    let plaintext: Uint8Array;
    try {
      if (byPassphrase) {
        if (!input.passphrase) refuse('exchange.errors.passphraseRequired', { passphrase: 'exchange.errors.passphraseRequired' });
        plaintext = await decrypt(envelope.payload, { passphrase: normalisePassphrase(input.passphrase) });
      } else {
        plaintext = await decrypt(envelope.payload, { identities: [keys.identity().ageIdentity] });
      }
    } catch (error) {
      if (error instanceof DecryptionError) {
        if (error.reason === 'too_costly') refuse('exchange.errors.passphraseTooCostly');
        if (error.reason === 'no_matching_key') {
          refuse(byPassphrase ? 'exchange.errors.wrongPassphrase' : 'exchange.errors.notForUs', byPassphrase ? { passphrase: 'exchange.errors.wrongPassphrase' } : undefined);
        }
        refuse('exchange.errors.damaged');
      }
      throw error;
    }

    let message: ReturnType<typeof parseMessage>;
    try {
      message = parseMessage(plaintext, { ...knownIds(db), ...uniqueKeysHere(db) });
    } catch (error) {
      if (error instanceof PayloadError) refuse(`exchange.errors.payload.${error.reason}`, error.path ? { record: error.path } : undefined);
      throw error;
    }
    if (message.kind === 'erasureRequest') return openErasureRequest(message.payload, card, byPassphrase, input.fileName);
    const { payload } = message;
    const { manifest } = payload;
    // A person erased here does not come back, and a file frozen or anonymised here is not filled
    // again: their records and timeline are left out, unnamed.
    const { records: allowed, leftOut: erasedLeftOut } = withoutHeldBack(db, payload.records);
    payload.records = allowed;
    if (card && (manifest.sender.associationId !== card.associationId || manifest.sender.signingPublicKey !== card.signingPublicKey)) {
      refuse('exchange.errors.senderMismatch');
    }
    if (manifest.sender.associationId === keys.profile()?.associationId) refuse('exchange.errors.ownFile');
    // Only a verified signature says who sent a file. Without one, what the manifest says (sender,
    // sequence) drives nothing: no replay check, no versions agreed, and the file updates nothing here.
    if (card) {
      checkReplay(manifest.sender.associationId, manifest.exportId, manifest.sequence, card);
    } else {
      const knownAssociations = new Set([
        ...cardAssociationIds(db),
        ...(keys.profile() ? [keys.profile()?.associationId ?? ''] : []),
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
      kind: 'records',
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
      erasedLeftOut,
      erasureRequest: null,
    };
  }

  /**
   * A partner's request to erase a person: only a verified partner may send one, and it is
   * shown with the person's files found here; applying it records it for the staffer to decide.
   */
  function openErasureRequest(request: ErasureRequestPayload, card: PartnerCardRow | null, byPassphrase: boolean, fileName: string): ImportPreview {
    const { manifest } = request;
    if (!card) refuse('rights.errors.requestUnsigned');
    if (manifest.sender.associationId !== card.associationId || manifest.sender.signingPublicKey !== card.signingPublicKey) refuse('exchange.errors.senderMismatch');
    checkReplay(manifest.sender.associationId, manifest.exportId, manifest.sequence, card);
    const names = candidateNames(db, request.erasure.candidateIds);
    const filesHere = request.erasure.candidateIds.filter((id) => names.has(id));
    prunePending();
    const token = newId();
    pending.set(token, {
      kind: 'erasureRequest',
      request,
      filesHere,
      senderId: card.associationId,
      senderName: card.name,
      cardId: card.id,
      byPassphrase,
      fileName,
      openedAt: clock.now().getTime(),
    });
    return {
      token,
      sender: { associationId: card.associationId, name: card.name, fingerprint: fingerprintOf(manifest.sender) },
      signature: 'verified',
      warnings: [],
      exportId: manifest.exportId,
      sequence: manifest.sequence,
      createdAt: manifest.createdAt,
      counts: { new: 0, updated: 0, unchanged: 0, conflict: 0, older: 0 },
      items: [],
      erasedLeftOut: 0,
      erasureRequest: { erasedOn: request.erasure.erasedOn, files: filesHere.map((id) => ({ id, name: names.get(id) ?? '' })) },
    };
  }

  /** Records a partner's request to erase (nothing is erased): the home screen asks the staffer. */
  function recordErasureRequest(entry: PendingErasureRequest, author: string | null): ImportResult {
    const { now } = moment(clock);
    const { manifest, erasure } = entry.request;
    const { filesHere } = entry;
    auditedTransaction(db, now, (tx) => {
      if (filesHere.length > 0) {
        insertPartnerErasureRequest(tx, {
          id: manifest.exportId,
          associationId: entry.senderId ?? manifest.sender.associationId,
          associationName: entry.senderName,
          candidateIds: filesHere,
          erasedOn: erasure.erasedOn,
          receivedAt: now,
          decidedAt: null,
          decision: null,
          declineReason: null,
        });
      }
      if (entry.cardId) advanceCardSequence(tx, entry.cardId, manifest.sequence, now);
      logExchange(tx, {
        id: newId(),
        at: now,
        actor: author,
        direction: 'import',
        exportId: manifest.exportId,
        sequence: manifest.sequence,
        counterpartId: entry.senderId,
        counterpartName: entry.senderName,
        byPassphrase: entry.byPassphrase,
        counts: { erasureRequests: 1 },
        recordIds: [],
        fileName: entry.fileName,
      });
      describeAudit(now, { action: 'exchange.applyImport', subjectType: 'export', subjectId: manifest.exportId, details: { from: entry.senderName, erasureRequest: filesHere.length } });
    });
    return { written: 0, skipped: 0, backup: null, erasureRequestRecorded: filesHere.length > 0 };
  }

  /**
   * The same file again is fine (its records come out unchanged); another file with an
   * older or equal sequence number from the same sender is a replay.
   */
  function checkReplay(senderId: string, exportId: string, sequence: number, card: PartnerCardRow | null) {
    if (wasImported(db, exportId)) return;
    const highest = card?.lastSequence ?? highestImportedSequence(db, senderId) ?? 0;
    if (sequence <= highest) refuse('exchange.errors.replay');
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
    if (entry.kind === 'erasureRequest') return recordErasureRequest(entry, input.author ?? null);
    return applyRecords(entry, input);
  }

  async function applyRecords(entry: PendingRecords, input: ParsedInputOf<'exchange.applyImport'>): Promise<ImportResult> {
    const { payload } = entry;
    const wanted = (id: string): boolean => {
      const state = entry.states.get(id);
      return state !== undefined && takesTheirs(state, input.decisions[id]);
    };
    const chosenCandidates = payload.records.candidates.filter((record) => wanted(record.id));
    const candidatesHere = new Set([...chosenCandidates.map((record) => record.id), ...knownIds(db).candidates]);
    // Sectors and partners the chosen files point to come with them when they are new here.
    const needed = new Set(chosenCandidates.flatMap((record) => [...record.sectorIds, ...record.sharingPartnerIds, record.referralPartnerId ?? '']));
    const chosen: RecordSet = {
      sectors: payload.records.sectors.filter((record) => wanted(record.id) || (needed.has(record.id) && entry.states.get(record.id) === 'new')),
      partners: payload.records.partners.filter((record) => wanted(record.id) || (needed.has(record.id) && entry.states.get(record.id) === 'new')),
      candidates: chosenCandidates,
      timelineEvents: payload.records.timelineEvents.filter((record) => wanted(record.id) && candidatesHere.has(record.subjectId)),
      // A plan comes with its file when the file's version is taken.
      plans: (payload.records.plans ?? []).filter((plan) => wanted(plan.candidateId)),
    };
    const written = chosen.sectors.length + chosen.partners.length + chosen.candidates.length + chosen.timelineEvents.length;
    const total = entry.states.size;

    report('backup');
    const backup = await backups.beforeImport();
    report('writing', 0, written);
    const { now } = moment(clock);

    const agreed = (list: { id: string; updatedAt: string }[]) => list.filter((record) => entry.states.get(record.id) === 'unchanged' || wanted(record.id));
    largeWrite(db, databaseSource, () =>
      auditedTransaction(db, now, (tx) => {
        writeRecords(tx, chosen, { ourAssociationId: keys.profile()?.associationId ?? null, barriersLeftOut: payload.manifest.leftOut.includes('barriers') });
        if (entry.senderId) {
          recordAgreedVersions(tx, entry.senderId, {
            candidate: agreed(payload.records.candidates),
            timelineEvent: agreed(payload.records.timelineEvents),
            partner: agreed(payload.records.partners),
            sector: agreed(payload.records.sectors),
          });
        }
        if (entry.cardId) advanceCardSequence(tx, entry.cardId, payload.manifest.sequence, now);
        logExchange(tx, {
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
        });
        describeAudit(now, {
          action: 'exchange.applyImport',
          subjectType: 'export',
          subjectId: payload.manifest.exportId,
          details: { from: entry.senderName, written },
        });
      }),
    );
    return { written, skipped: total - written, backup: backup.name, erasureRequestRecorded: false };
  }

  return {
    openImport,
    applyImport,
    dropImport: ({ token }: { token: string }) => ({ dropped: pending.delete(token) }),
  };
}
