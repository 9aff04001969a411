import { expect } from 'vitest';
import type { Backend, BackendOptions } from '../../electron/api/backend';
import { decrypt, encryptToRecipients } from '../../electron/formats/age';
import { packEnvelope, unpackEnvelope } from '../../electron/formats/envelope';
import { type UnlockedIdentity, readIdentity, unlockIdentity } from '../../electron/services/exchange/identity';
import { signDetached } from '../../electron/formats/minisign';
import { TEST_SCRYPT_COST, databaseKeyProtector, passphraseProtector } from '../../electron/formats/protection';
import type { Candidate } from '../../shared/candidates';
import type { ErrorCode } from '../../shared/errors';
import { contentHash, expectTranslated, ok } from './api';
import { useBackend } from './temp';

/** Exchanges between associations in tests: each its own data folder, keys and cards. */

export const SECTOR_LOGISTICS = '00000000-0000-7000-8000-000000000001';

/** A backend with cheap key derivation (the format is the same as the app's). */
export function useExchangeBackend() {
  const open = useBackend();
  return (options: Partial<BackendOptions> = {}) => open({ keyScryptCost: TEST_SCRYPT_COST, exportScryptWorkFactor: 10, ...options });
}

/** The passphrase that protects an association's keys in these tests. */
export const keyPassphraseOf = (name: string) => `${name} long passphrase`;

/** Profile, keys and backups set up; returns the association's own card. */
export async function association(backend: Backend, name: string) {
  await ok(backend, 'exchange.saveProfile', { name, email: `contact@${name.toLowerCase().replace(/\W+/g, '')}.org` });
  await ok(backend, 'exchange.createKeys', { passphrase: keyPassphraseOf(name) });
  await ok(backend, 'backups.setupRecovery', { replace: true });
  return ok(backend, 'exchange.ownCard', {});
}

/** A (Lyon) and B (Forum) know each other's verified cards; A has a file shared with B. */
export async function twoPartners(openBackend: () => Promise<Backend>) {
  const a = await openBackend();
  const b = await openBackend();
  const cardA = await association(a, 'Tremplin Lyon');
  const cardB = await association(b, 'Forum Réfugiés');
  const forumHere = await ok(a, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
  const cardBatA = await ok(a, 'exchange.importCard', { content: cardB.content, partnerId: forumHere.id });
  await ok(a, 'exchange.verifyCard', { id: cardBatA.id });
  const cardAatB = await ok(b, 'exchange.importCard', { content: cardA.content });
  await ok(b, 'exchange.verifyCard', { id: cardAatB.id });
  const amina = await ok(a, 'candidates.create', {
    firstName: 'Amina',
    lastName: 'Nguyễn-Đặng',
    otherNames: ['أمينة'],
    birthDate: '1994-03-02',
    phone: '06 12 34 56 78',
    frenchLevel: 'A2',
    sectorIds: [SECTOR_LOGISTICS],
    consentRecording: true,
    consentDate: '2026-01-10',
    sharingPartnerIds: [forumHere.id],
    referralPartnerId: forumHere.id,
    barriers: [{ theme: 'housing', status: 'open', action: 'Demande SIAO' }],
  });
  await ok(a, 'timeline.add', { subjectType: 'candidate', subjectId: amina.id, kind: 'call', occurredAt: '2026-02-01', text: 'Premier appel' });
  return { a, b, amina, cardA, cardB, cardBatA, cardAatB, forumHere };
}

/**
 * Refused with this code and message (a key that exists in every language, as do the field
 * messages), and the database content exactly as it was (`contentHash`).
 */
export async function refusedWith(
  backend: Backend,
  method: string,
  input: unknown,
  message: string,
  { code = 'validation', fields }: { code?: ErrorCode; fields?: Record<string, string> } = {},
) {
  const before = contentHash(backend);
  const result = await backend.dispatch(method, input);
  expect(result).toMatchObject({ ok: false, error: { code, message, ...(fields ? { fields } : {}) } });
  expectTranslated(message);
  // `record` locates a bad record in a file (a path, not a message); every other field is a message.
  if (!result.ok) for (const [field, key] of Object.entries(result.error.fields ?? {})) if (field !== 'record') expectTranslated(key);
  expect(contentHash(backend)).toBe(before);
}

export async function exportTo(a: Backend, partnerCardId: string, ids: string[], options = {}) {
  return ok(a, 'exchange.export', { scope: { kind: 'candidates', ids }, to: { kind: 'partner', partnerCardId }, ...options });
}

/** Opens a file and applies it as the preview proposes (plus these decisions). */
export async function importFile(backend: Backend, content: string, options: { passphrase?: string; decisions?: Record<string, 'take_theirs' | 'keep_ours' | 'skip'> } = {}) {
  const preview = await ok(backend, 'exchange.openImport', { fileName: 'f.tremplin', content, ...(options.passphrase ? { passphrase: options.passphrase } : {}) });
  const result = await ok(backend, 'exchange.applyImport', { token: preview.token, decisions: options.decisions ?? {} });
  return { preview, result };
}

/** An association's private keys, as only its own installation holds them. */
export function keysOf(backend: Backend, name: string): UnlockedIdentity {
  // Keys made on an encrypted database are sealed under its key; older ones by their passphrase.
  const { db, key } = backend.database;
  const protector = readIdentity(db)?.method === 'database' && key ? databaseKeyProtector(key) : passphraseProtector(keyPassphraseOf(name), TEST_SCRYPT_COST);
  const keys = unlockIdentity(db, protector);
  if (!keys) throw new Error(`${name} has no keys`);
  return keys;
}

/** The age recipient (public key) of an association. */
export function recipientOf(backend: Backend): string {
  const keys = readIdentity(backend.database.db);
  if (!keys) throw new Error('no keys');
  return keys.ageRecipient;
}

/**
 * A file rebuilt by its sender: the content decrypted, changed by `edit` (which returns the
 * new JSON value, or raw text or bytes), encrypted again to `recipients` and signed with the sender's
 * real key — so only what `edit` changed is wrong with it.
 */
export async function reseal(sender: UnlockedIdentity, content: string, recipients: string[], edit: (payload: Record<string, unknown>) => unknown): Promise<string> {
  const envelope = unpackEnvelope(Buffer.from(content, 'base64'), Number.MAX_SAFE_INTEGER);
  const payload = JSON.parse(new TextDecoder().decode(await decrypt(envelope.payload, { identities: [sender.ageIdentity] }))) as Record<string, unknown>;
  const edited = edit(payload);
  const plaintext = edited instanceof Uint8Array ? edited : new TextEncoder().encode(typeof edited === 'string' ? edited : JSON.stringify(edited));
  const encrypted = await encryptToRecipients(plaintext, recipients);
  const signature = signDetached(encrypted, sender.signingKey, 'tremplin export (edited)');
  return Buffer.from(packEnvelope({ payload: encrypted, signature, readme: envelope.readme }, 1_795_000_000)).toString('base64');
}

/**
 * What the receiver keeps of its own in a file it already holds: links to its volunteers, the
 * consents to share and the referral.
 */
export type LocalLinks = Map<
  string,
  Pick<Candidate, 'assignedPairId' | 'assignedVolunteerId' | 'sharingPartnerIds' | 'referralPartnerId' | 'referrerContact' | 'referredOn'>
>;

export async function localLinksOf(backend: Backend, ids: string[]): Promise<LocalLinks> {
  const links: LocalLinks = new Map();
  for (const id of ids) {
    const { assignedPairId, assignedVolunteerId, sharingPartnerIds, referralPartnerId, referrerContact, referredOn } = await ok(backend, 'candidates.get', { id });
    links.set(id, { assignedPairId, assignedVolunteerId, sharingPartnerIds, referralPartnerId, referrerContact, referredOn });
  }
  return links;
}

/** A new file as the recipient gets it: only the consent to share with it, and its own referral. */
function aboutRecipient(sent: Candidate, recipient: string) {
  const referred = sent.referralPartnerId === recipient;
  return {
    assignedPairId: null,
    assignedVolunteerId: null,
    sharingPartnerIds: sent.sharingPartnerIds.filter((id) => id === recipient),
    referralPartnerId: referred ? recipient : null,
    referrerContact: referred ? sent.referrerContact : null,
    referredOn: referred ? sent.referredOn : null,
  };
}

/**
 * The receiver holds the same records as the sender, field by field — minus what stays local
 * (the assigned volunteer or pair, the consents to share and the referral: the receiver's own,
 * or for a new file only what is about the recipient) and the origin, which names the
 * association a record was made by (null at the association that made it), and the consent
 * details format version 1 does not carry. Of partners, only
 * the recipient's own record travels, by name and kind.
 */
export async function expectSameRecords(
  sender: Backend,
  receiver: Backend,
  ids: { candidates: string[]; partners: string[]; sectors: string[] },
  options: { recipient: string; localLinks?: LocalLinks; minimised?: { notes: boolean; barriers: boolean } },
) {
  const [senderId, receiverId] = [await associationIdOf(sender), await associationIdOf(receiver)];
  const originAtReceiver = (origin: string | null) => ((origin ?? senderId) === receiverId ? null : (origin ?? senderId));
  for (const id of ids.candidates) {
    const sent = await ok(sender, 'candidates.get', { id });
    const received = await ok(receiver, 'candidates.get', { id });
    // Consent details added after format version 1 and the restriction stay where they were recorded.
    const { consentPresentation, consentTextVersion, consentRecordingWithdrawnOn, restrictedAt, restrictionReason, restrictedBy } = received;
    expect(received).toEqual({
      ...sent,
      ...{ consentPresentation, consentTextVersion, consentRecordingWithdrawnOn, restrictedAt, restrictionReason, restrictedBy },
      origin: originAtReceiver(sent.origin),
      ...(options.localLinks?.get(id) ?? aboutRecipient(sent, options.recipient)),
      ...(options.minimised?.barriers ? { barriers: [] } : {}),
    });
    const events = (backend: Backend) => ok(backend, 'timeline.list', { subjectType: 'candidate', subjectId: id });
    expect(await events(receiver)).toEqual(options.minimised?.notes ? { items: [], total: 0 } : await events(sender));
  }
  for (const id of ids.partners) {
    const { name, kind, origin } = await ok(sender, 'partners.get', { id });
    expect(await ok(receiver, 'partners.get', { id })).toMatchObject({ name, kind, origin: originAtReceiver(origin) });
  }
  const sectorsOf = async (backend: Backend) => new Map((await ok(backend, 'sectors.list', { includeArchived: true })).map((sector) => [sector.id, sector]));
  const [sentSectors, receivedSectors] = [await sectorsOf(sender), await sectorsOf(receiver)];
  for (const id of ids.sectors) expect(receivedSectors.get(id), id).toEqual(sentSectors.get(id));
}

export async function associationIdOf(backend: Backend): Promise<string> {
  const profile = (await ok(backend, 'exchange.status', {})).profile;
  if (!profile) throw new Error('no profile');
  return profile.associationId;
}
