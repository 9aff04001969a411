import type { ParsedInputOf } from '../../../shared/api';
import { type CardPreview, type PartnerCard, type PartnerCardFile, partnerCardFileSchema } from '../../../shared/exchange';
import { type Clock, moment, newId } from '../../core/clock';
import { AppError, refuse } from '../../core/errors';
import type { ReadDb, WriteDb } from '../../db/handles';
import { parsePublicKey, signatureKeyId } from '../../formats/minisign';
import { describeAudit } from '../../store/audit';
import {
  type PartnerCardRow,
  cardById,
  cardOfAssociation,
  insertCard,
  listCards,
  unarchivedCards,
  updateCard,
} from '../../store/partner-cards';
import { findPartner } from '../../store/partners';
import { fingerprintOf, readIdentity } from './identity';
import { type KeysService, slug } from './keys';

/** Cards: ours to hand out, partners' to import, check by phone and find a signature's sender by. */

export const CARD_NOT_FOUND = 'exchange.errors.cardNotFound';

/** The card with this id (archived or not), or a not_found refusal. */
export function requireCard(db: ReadDb, id: string): PartnerCardRow {
  const card = cardById(db, id);
  if (!card) throw new AppError('not_found', CARD_NOT_FOUND);
  return card;
}

function toCard(row: PartnerCardRow): PartnerCard {
  const { seq: _seq, origin: _origin, ageRecipient, signingPublicKey, ...card } = row;
  return { ...card, fingerprint: fingerprintOf({ ageRecipient, signingPublicKey }) };
}

function readCard(content: string): PartnerCardFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    refuse('exchange.errors.notACard');
  }
  const parsed = partnerCardFileSchema.safeParse(json);
  if (!parsed.success) refuse('exchange.errors.notACard');
  try {
    parsePublicKey(parsed.data.signingPublicKey);
  } catch {
    refuse('exchange.errors.notACard');
  }
  return parsed.data;
}

export function createCardsService({ db, clock, keys }: { db: WriteDb; clock: Clock; keys: KeysService }) {
  function previewCard(content: string): CardPreview {
    const { format: _format, version: _version, ...card } = readCard(content);
    const existing = cardOfAssociation(db, card.associationId);
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
      isOurs: card.associationId === keys.profile()?.associationId,
    };
  }

  /** The card (not archived) whose key made this signature, if we hold it. */
  function cardOfSignature(signature: string): PartnerCardRow | undefined {
    const keyId = signatureKeyId(signature);
    return unarchivedCards(db).find((candidate) => parsePublicKey(candidate.signingPublicKey).keyId.equals(keyId));
  }

  return {
    /** The verified card whose key made this signature, else a refusal that says what to do. */
    signerOf(signature: string): PartnerCardRow {
      const card = cardOfSignature(signature);
      if (!card) refuse('exchange.errors.unknownSender');
      if (!card.verifiedAt) refuse('exchange.errors.senderNotVerified');
      return card;
    },

    verifiedSignerOf(signature: string): PartnerCardRow | null {
      const card = cardOfSignature(signature);
      return card?.verifiedAt ? card : null;
    },

    ownCard(): { fileName: string; content: string; fingerprint: ReturnType<typeof fingerprintOf> } {
      const sender = keys.requireProfile();
      const ours = readIdentity(db);
      if (!ours) refuse('exchange.errors.noKeys');
      const card: PartnerCardFile = {
        format: 'tremplin-card',
        version: 1,
        associationId: sender.associationId,
        name: sender.name,
        siret: sender.siret,
        email: sender.email,
        phone: sender.phone,
        ageRecipient: ours.ageRecipient,
        signingPublicKey: ours.signingPublicKey,
        createdAt: moment(clock).now,
      };
      return { fileName: `carte-${slug(sender.name)}.tremplin-card.json`, content: `${JSON.stringify(card, null, 2)}\n`, fingerprint: fingerprintOf(ours) };
    },

    previewCard: ({ content }: { content: string }) => previewCard(content),

    importCard({ content, partnerId }: ParsedInputOf<'exchange.importCard'>): PartnerCard {
      const preview = previewCard(content);
      if (preview.isOurs) refuse('exchange.errors.ownCard');
      if (partnerId) findPartner(db, partnerId, 'partners.errors.notFound');
      const { card } = preview;
      const { now } = moment(clock);
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
        updateCard(db, id, { ...values, archivedAt: null, ...(verifiedAt === null ? { verifiedAt } : {}) });
      } else {
        id = newId();
        insertCard(db, { ...values, id, associationId: card.associationId, createdAt: now });
      }
      describeAudit(now, { action: 'exchange.importCard', subjectType: 'partnerCard', subjectId: id, details: { name: card.name } });
      return toCard(requireCard(db, id));
    },

    verifyCard({ id }: { id: string }): PartnerCard {
      const card = requireCard(db, id);
      const { now } = moment(clock);
      if (!card.verifiedAt) {
        updateCard(db, id, { verifiedAt: now, updatedAt: now });
        describeAudit(now, { action: 'exchange.verifyCard', subjectType: 'partnerCard', subjectId: id });
      }
      return toCard(requireCard(db, id));
    },

    listCards: ({ includeArchived }: { includeArchived: boolean }): PartnerCard[] => listCards(db, { includeArchived }).map(toCard),
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
