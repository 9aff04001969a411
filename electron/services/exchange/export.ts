import { z } from 'zod';
import type { ParsedInputOf } from '../../../shared/api';
import { sharingBlock } from '../../../shared/candidates';
import { type BlockReason, EXPORT_SCHEMA_VERSION, type ExportPreview, type ExportResult } from '../../../shared/exchange';
import { type Clock, moment, newId } from '../../core/clock';
import { release } from '../../core/memory';
import { refuse } from '../../core/errors';
import type { WriteDb } from '../../db/handles';
import { ageFileOf } from '../../formats/age';
import { openEnvelope } from '../../formats/envelope';
import { signDetached } from '../../formats/minisign';
import { type Payload, payloadParts } from '../../formats/payload';
import { planRecordsOf } from '../../store/plans';
import { generatePassphrase } from '../../formats/words';
import { auditedTransaction, describeAudit } from '../../store/audit';
import { type ConsentRow, candidatesSharedWith, consentsOf, readRecords, recordAgreedVersions } from '../../store/exchange';
import { logExchange } from '../../store/exchange-log';
import type { DatabaseSource } from '../../db/cipher';
import { findPartner } from '../../store/partners';
import { readSetting, writeSetting } from '../../store/settings';
import { CARD_NOT_FOUND, requireCard } from './cards';
import { type KeysService, slug } from './keys';
import type { Progress } from './progress';

/** Exports: which files may go to a partner, and the signed, encrypted file that carries them. */

export const SEQUENCE_KEY = 'exchange.sequence';

/** `localeCompare`'s order (the default locale), without building a collator for each comparison. */
const byName = new Intl.Collator();

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

export interface ExportOptions {
  db: WriteDb;
  clock: Clock;
  keys: KeysService;
  progress: Progress;
  /** Lowered by tests only. */
  exportScryptWorkFactor?: number;
  /** The file `db` reads: a large export's events are read from it on a worker thread meanwhile (see readRecords). */
  databaseSource?: DatabaseSource;
}

export function createExportService({ db, clock, keys, progress, exportScryptWorkFactor, databaseSource }: ExportOptions) {
  const { report } = progress;

  /** The partner a target means, for the consent check; and the card when there is one. */
  function resolveTarget(to: ParsedInputOf<'exchange.previewExport'>['to']) {
    if (to.kind === 'passphrase') {
      const partner = findPartner(db, to.partnerId, 'partners.errors.notFound');
      return { partnerId: partner.id, partnerName: partner.name, card: null };
    }
    const card = requireCard(db, to.partnerCardId);
    if (card.archivedAt) refuse(CARD_NOT_FOUND);
    if (!card.verifiedAt) refuse('exchange.errors.cardNotVerified');
    if (!card.partnerId) refuse('exchange.errors.cardNotLinked');
    return { partnerId: card.partnerId, partnerName: card.name, card };
  }

  /** The partner a request goes to, the files it names, and those whose person agreed to share them with that partner. */
  function requested(request: ParsedInputOf<'exchange.previewExport'>) {
    const target = resolveTarget(request.to);
    const sharedWithPartner = candidatesSharedWith(db, target.partnerId);
    const ids = request.scope.kind === 'candidates' ? [...new Set(request.scope.ids)] : sharedWithPartner;
    return { target, ids, sharedWith: new Set(sharedWithPartner) };
  }
  type Requested = ReturnType<typeof requested>;

  /** Why a file may not go (null when it may): the consent rule is shared/candidates.ts's, the same the file's "not shareable" badge shows. */
  const reasonOf = (row: ConsentRow, { sharedWith }: Requested): BlockReason | null => (row.archivedAt ? 'archived' : sharingBlock(row, sharedWith.has(row.id)));

  /**
   * The files the request names, as read here, each with the reason it may not go (null when it
   * may), in no particular order: 10,000 names through the collator were a tenth of a
   * 10,000-file export's CPU, for the files allowed, which the export does not list.
   */
  function checkFiles(request: ParsedInputOf<'exchange.previewExport'>, asked: Requested, rows: ConsentRow[]) {
    if (request.scope.kind === 'candidates' && rows.length !== asked.ids.length) refuse('candidates.errors.notFound');
    return rows.map((row) => ({ ...row, reason: reasonOf(row, asked) }));
  }

  type CheckedFile = ReturnType<typeof checkFiles>[number];
  const byNames = (a: CheckedFile, b: CheckedFile) => byName.compare(a.lastName, b.lastName) || byName.compare(a.firstName, b.firstName);
  const nameOf = (row: CheckedFile) => `${row.firstName} ${row.lastName}`;
  const blockedOf = (rows: CheckedFile[]): ExportPreview['blocked'] => rows.flatMap((row) => (row.reason ? [{ id: row.id, name: nameOf(row), reason: row.reason }] : []));

  function previewExport(request: ParsedInputOf<'exchange.previewExport'>): ExportPreview {
    const asked = requested(request);
    const rows = checkFiles(request, asked, consentsOf(db, asked.ids)).sort(byNames);
    return { allowed: rows.flatMap((row) => (row.reason ? [] : [{ id: row.id, name: nameOf(row) }])), blocked: blockedOf(rows) };
  }

  async function exportFile(request: ParsedInputOf<'exchange.export'>): Promise<ExportResult> {
    const sender = keys.requireProfile();
    const ours = keys.identity();
    const asked = requested(request);
    const { target } = asked;
    // The consent check reads its columns with the records (see readRecords): the files refused
    // are read, not sent, and told apart after.
    report('reading', 0, asked.ids.length);
    const records = await readRecords(db, asked.ids, {
      ourAssociationId: sender.associationId,
      recipientPartnerId: target.partnerId,
      includeNotes: request.includeNotes,
      includeBarriers: request.includeBarriers,
      admit: (file) => reasonOf(file, asked) === null,
      onProgress: (done) => report('reading', done, asked.ids.length),
      ...(databaseSource ? { eventsSource: databaseSource } : {}),
      ...(target.card ? { agreedWith: target.card.associationId } : {}),
    });
    const checked = checkFiles(request, asked, records.files);
    const blocked = blockedOf(checked.filter((row) => row.reason !== null).sort(byNames));
    if (records.candidates.versions.length === 0) refuse('exchange.errors.nothingToExport');
    const candidateIds = records.candidates.versions.map((record) => record.id);
    const sequence = (readSetting(db, SEQUENCE_KEY, z.int()) ?? 0) + 1;
    const exportId = newId();
    const createdAt = moment(clock).now;
    const counts = {
      candidates: records.candidates.versions.length,
      timelineEvents: records.timelineEvents.versions.length,
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
          ageRecipient: ours.ageRecipient,
          signingPublicKey: ours.signingPublicKey,
        },
        recipients: target.card
          ? [{ kind: 'association', associationId: target.card.associationId, name: target.card.name }]
          : [{ kind: 'passphrase', partnerName: target.partnerName }],
        sequence,
        createdAt,
        counts,
        leftOut: [...(request.includeNotes ? [] : (['notes'] as const)), ...(request.includeBarriers ? [] : (['barriers'] as const))],
      },
      records: { candidates: [], timelineEvents: [], partners: records.partners, sectors: records.sectors, plans: planRecordsOf(db, candidateIds) },
      deletions: [],
    };
    report('encrypting');
    const plaintext = payloadParts(payload, { candidates: records.candidates.json, timelineEvents: records.timelineEvents.json });
    const passphrase = target.card ? null : generatePassphrase();
    const sealed = await ageFileOf(
      plaintext,
      target.card
        ? { recipients: [target.card.ageRecipient, ours.ageRecipient] }
        : { passphrase: passphrase as string, ...(exportScryptWorkFactor === undefined ? {} : { workFactor: exportScryptWorkFactor }) },
    );
    // The file is made in one buffer, the payload sealed into it from the JSON's pieces: each
    // buffer of the file's size is fresh memory the system hands over page by page (a tenth of a
    // second for 40 MB here), and is given back once sent (see release), before a collection.
    const envelope = openEnvelope(sealed.size, readme(sender.name, passphrase !== null), Math.floor(Date.parse(createdAt) / 1000));
    sealed.sealInto(envelope.payload);
    const signature = signDetached(envelope.payload, ours.signingKey, `tremplin export ${exportId} sequence ${sequence} from ${sender.associationId}`);
    const file = envelope.close(signature);
    const content = Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('base64');
    release(envelope.memory);
    const fileName = `tremplin-${slug(sender.name)}-${createdAt.slice(0, 10)}-${sequence}.tremplin`;

    auditedTransaction(db, createdAt, (tx) => {
      // First, before the transaction writes: the versions read with the records hold if nothing was written since.
      if (target.card) {
        recordAgreedVersions(
          tx,
          target.card.associationId,
          { candidate: records.candidates.versions, timelineEvent: records.timelineEvents.versions, partner: records.partners, sector: records.sectors },
          records.agreed,
        );
      }
      writeSetting(tx, SEQUENCE_KEY, sequence);
      logExchange(tx, {
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
        recordIds: candidateIds,
        fileName,
      });
      describeAudit(createdAt, { action: 'exchange.export', subjectType: 'export', subjectId: exportId, details: { counts, to: target.partnerName } });
    });
    return { exportId, sequence, fileName, content, passphrase, counts, blocked };
  }

  return { previewExport, exportFile };
}
