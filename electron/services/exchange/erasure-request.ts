import { z } from 'zod';
import type { ParsedInputOf } from '../../../shared/api';
import { ERASURE_REQUEST_SCHEMA_VERSION, type ErasureRequestFile } from '../../../shared/exchange';
import { type Clock, moment, newId } from '../../core/clock';
import { AppError } from '../../core/errors';
import type { WriteDb } from '../../db/handles';
import { encryptToRecipients } from '../../formats/age';
import { packEnvelope } from '../../formats/envelope';
import { signDetached } from '../../formats/minisign';
import type { ErasureRequestPayload } from '../../formats/payload';
import { auditedTransaction, describeAudit } from '../../store/audit';
import { logExchange } from '../../store/exchange-log';
import { cardOfAssociation } from '../../store/partner-cards';
import { erasureDates, idsSentTo } from '../../store/rights';
import { readSetting, writeSetting } from '../../store/settings';
import { SEQUENCE_KEY } from './export';
import { type KeysService, slug } from './keys';

/**
 * After an erasure, the request a partner who received the person's file gets (art. 19): in the
 * signed, encrypted envelope of every export, numbered in the same sequence (a replay is refused
 * the same way), carrying only the ids of the person's files they received and the day.
 */
export function createErasureRequestService({ db, clock, keys }: { db: WriteDb; clock: Clock; keys: KeysService }) {
  return async function erasureRequest(input: ParsedInputOf<'exchange.erasureRequest'>): Promise<ErasureRequestFile> {
    const erased = erasureDates(db, input.candidateIds);
    if (erased.size !== new Set(input.candidateIds).size) throw new AppError('conflict', 'rights.errors.notErased');
    const card = cardOfAssociation(db, input.associationId);
    if (!card || card.archivedAt) throw new AppError('not_found', 'exchange.errors.cardNotFound');
    if (!card.verifiedAt) throw new AppError('conflict', 'exchange.errors.cardNotVerified');
    const sent = idsSentTo(db, card.associationId, input.candidateIds);
    if (sent.length === 0) throw new AppError('conflict', 'rights.errors.notSentToPartner');

    const sender = keys.requireProfile();
    const ours = keys.identity();
    const sequence = (readSetting(db, SEQUENCE_KEY, z.int()) ?? 0) + 1;
    const exportId = newId();
    const createdAt = moment(clock).now;
    const erasedOn = [...erased.values()].sort()[0]?.slice(0, 10) ?? createdAt.slice(0, 10);
    const payload: ErasureRequestPayload = {
      format: 'tremplin-export',
      schemaVersion: ERASURE_REQUEST_SCHEMA_VERSION,
      kind: 'erasureRequest',
      manifest: {
        exportId,
        sender: { associationId: sender.associationId, name: sender.name, siret: sender.siret, ageRecipient: ours.ageRecipient, signingPublicKey: ours.signingPublicKey },
        recipients: [{ kind: 'association', associationId: card.associationId, name: card.name }],
        sequence,
        createdAt,
        counts: { erasureRequests: 1 },
        leftOut: [],
      },
      erasure: { candidateIds: sent, erasedOn },
    };
    const encrypted = await encryptToRecipients(Buffer.from(JSON.stringify(payload)), [card.ageRecipient, ours.ageRecipient]);
    const signature = signDetached(encrypted, ours.signingKey, `tremplin erasure request ${exportId} sequence ${sequence} from ${sender.associationId}`);
    const file = packEnvelope({ payload: encrypted, signature, readme: readme(sender.name) }, Math.floor(Date.parse(createdAt) / 1000));
    const fileName = `tremplin-${slug(sender.name)}-effacement-${createdAt.slice(0, 10)}-${sequence}.tremplin`;

    auditedTransaction(db, createdAt, (tx) => {
      writeSetting(tx, SEQUENCE_KEY, sequence);
      // No record went out: the log says a request did, to whom (the ids stay in the audit entry).
      logExchange(tx, {
        id: newId(),
        at: createdAt,
        actor: input.author ?? null,
        direction: 'export',
        exportId,
        sequence,
        counterpartId: card.associationId,
        counterpartName: card.name,
        byPassphrase: false,
        counts: { erasureRequests: 1 },
        recordIds: [],
        fileName,
      });
      describeAudit(createdAt, { action: 'exchange.erasureRequest', subjectType: 'export', subjectId: exportId, details: { to: card.name, candidateIds: sent } });
    });
    return { fileName, content: Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('base64') };
  };
}

function readme(sender: string): string {
  return [
    `Demande d'effacement (RGPD, art. 17 et 19) de « ${sender} ».`,
    "Ouvrez-la dans Tremplin (Échanges > Importer) : vous décidez d'effacer la personne ou de refuser.",
    "Elle ne contient que l'identifiant d'échange de la personne et la date de son effacement.",
    '',
    `Erasure request (GDPR art. 17 and 19) from "${sender}".`,
    'Open it in Tremplin (Exchange > Import): you decide whether to erase the person or decline.',
    'It holds only the exchange id of the person and the date they were erased.',
    '',
  ].join('\n');
}
