import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import { decrypt, encryptToRecipients, encryptWithPassphrase } from '../../../../electron/formats/age';
import { PAYLOAD_NAME, README_NAME, SIGNATURE_NAME, packEnvelope, unpackEnvelope } from '../../../../electron/formats/envelope';
import { generateSigningKey, signDetached } from '../../../../electron/formats/minisign';
import { IMPORT_MAX_BYTES } from '../../../../shared/exchange';
import { ok } from '../../../support/api';
import { exportTo, keysOf, recipientOf, refusedWith, reseal, twoPartners, useExchangeBackend } from '../../../support/exchange';

/**
 * Hostile or broken files: each is refused with its own translated message, and the
 * receiver's database is exactly as it was (`refusedWith` compares a hash of every table).
 * Files refused elsewhere: a changed payload byte, a cut at a block boundary, garbage, an
 * unverified sender, a file for another association, a replay, a wrong or missing passphrase
 * (exchange.test.ts).
 */

const BLOCK = 512;

type JsonRecord = Record<string, unknown>;
/** A file's decrypted content, as `reseal` hands it over to be changed. */
type Json = JsonRecord & { manifest: JsonRecord; records: { candidates: JsonRecord[]; timelineEvents: JsonRecord[]; partners: JsonRecord[]; sectors: JsonRecord[] } };

/** Where each entry of a `.tremplin` tar archive sits. */
function entriesOf(bytes: Uint8Array): Map<string, { header: number; data: number; size: number }> {
  const entries = new Map<string, { header: number; data: number; size: number }>();
  let offset = 0;
  while (offset + BLOCK <= bytes.length && bytes[offset] !== 0) {
    const name = Buffer.from(bytes.subarray(offset, offset + 100)).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(Buffer.from(bytes.subarray(offset + 124, offset + 136)).toString('ascii'), 8);
    entries.set(name, { header: offset, data: offset + BLOCK, size });
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

function entryOf(bytes: Uint8Array, name: string) {
  const entry = entriesOf(bytes).get(name);
  if (!entry) throw new Error(`no ${name}`);
  return entry;
}

const asFile = (bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({ fileName: 'f.tremplin', content: Buffer.from(bytes).toString('base64'), ...extra });

/** The bytes with one byte changed (a flipped bit unless a value is given). */
function withByte(bytes: Uint8Array, position: number, value?: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[position] = value ?? (copy[position] ?? 0) ^ 1;
  return copy;
}

/** A tar header field rewritten with a correct checksum: only what the field says is wrong. */
function withHeaderField(bytes: Uint8Array, header: number, field: number, text: string, width: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy.fill(0, header + field, header + field + width);
  copy.set(new TextEncoder().encode(text), header + field);
  copy.fill(32, header + 148, header + 156);
  const sum = copy.subarray(header, header + BLOCK).reduce((total, byte) => total + byte, 0);
  copy.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), header + 148);
  return copy;
}

/** Another character of the base64 alphabet at this place of the signature text. */
function withSignatureCharacter(bytes: Uint8Array, line: number, column: number): Uint8Array {
  const { data, size } = entryOf(bytes, SIGNATURE_NAME);
  const lines = Buffer.from(bytes.subarray(data, data + size)).toString('utf8').split('\n');
  const position = data + lines.slice(0, line).reduce((length, text) => length + text.length + 1, 0) + column;
  return withByte(bytes, position, bytes[position] === 65 ? 66 : 65);
}

async function sentFile(openBackend: () => Promise<Backend>) {
  const partners = await twoPartners(openBackend);
  const sent = await exportTo(partners.a, partners.cardBatA.id, [partners.amina.id]);
  return { ...partners, sent, bytes: new Uint8Array(Buffer.from(sent.content, 'base64')) };
}

describe('hostile files are refused with a clear message and change nothing', () => {
  const openBackend = useExchangeBackend();

  it('a changed byte in the encrypted payload or in the signature', async () => {
    const { b, bytes } = await sentFile(openBackend);
    const payload = entryOf(bytes, PAYLOAD_NAME);
    for (const position of [payload.data, payload.data + 40, payload.data + Math.floor(payload.size / 2), payload.data + payload.size - 1]) {
      await refusedWith(b, 'exchange.openImport', asFile(withByte(bytes, position)), 'exchange.errors.badSignature');
    }
    // The Ed25519 signature, the trusted comment and the signature over both: each is checked.
    await refusedWith(b, 'exchange.openImport', asFile(withSignatureCharacter(bytes, 1, 40)), 'exchange.errors.badSignature');
    await refusedWith(b, 'exchange.openImport', asFile(withSignatureCharacter(bytes, 2, 20)), 'exchange.errors.badSignature');
    await refusedWith(b, 'exchange.openImport', asFile(withSignatureCharacter(bytes, 3, 30)), 'exchange.errors.badSignature');
    // The key id: no known partner signs with that key.
    await refusedWith(b, 'exchange.openImport', asFile(withSignatureCharacter(bytes, 1, 5)), 'exchange.errors.unknownSender');
  });

  it('a changed tar header, or a file cut anywhere', async () => {
    const { b, bytes } = await sentFile(openBackend);
    const payload = entryOf(bytes, PAYLOAD_NAME);
    const signature = entryOf(bytes, SIGNATURE_NAME);
    // Under the header's checksum: the size, the name, the type.
    for (const position of [payload.header + 124 + 5, entryOf(bytes, README_NAME).header + 3, signature.header + 156]) {
      await refusedWith(b, 'exchange.openImport', asFile(withByte(bytes, position)), 'exchange.errors.damaged');
    }
    // With a correct checksum: another entry name, a link instead of a file.
    await refusedWith(b, 'exchange.openImport', asFile(withHeaderField(bytes, payload.header, 0, 'export.json', 100)), 'exchange.errors.notAnExport');
    await refusedWith(b, 'exchange.openImport', asFile(withHeaderField(bytes, payload.header, 156, '2', 1)), 'exchange.errors.notAnExport');
    await refusedWith(b, 'exchange.openImport', asFile(withHeaderField(bytes, payload.header, 0, '../../../../etc/cron.d/x', 100)), 'exchange.errors.notAnExport');
    // A download cut short: inside a header, inside the payload, right before the signature,
    // inside the signature, right before the end-of-archive blocks.
    const cuts = [BLOCK, BLOCK + 100, payload.header + 200, payload.data + 1000, signature.header, signature.data + 40, bytes.length - 2 * BLOCK];
    for (const cut of cuts) await refusedWith(b, 'exchange.openImport', asFile(bytes.subarray(0, cut)), 'exchange.errors.damaged');
    // Only the last zero block lost: nothing of the content is missing, the file still opens.
    await ok(b, 'exchange.openImport', asFile(bytes.subarray(0, bytes.length - 1)));
  });

  it('anything that is not an export file', async () => {
    const { a, b, bytes } = await sentFile(openBackend);
    const payload = entryOf(bytes, PAYLOAD_NAME);
    const notExports = [
      new Uint8Array(0),
      new Uint8Array(4096),
      new TextEncoder().encode('%PDF-1.7\n'.repeat(100)),
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(1020)]),
      gzipSync(bytes),
      // The encrypted payload alone, and a card given instead of a file.
      bytes.subarray(payload.data, payload.data + payload.size),
      new TextEncoder().encode((await ok(a, 'exchange.ownCard', {})).content),
      Uint8Array.from({ length: 8192 }, (_, index) => (index * 7919 + 13) % 256),
    ];
    for (const content of notExports) await refusedWith(b, 'exchange.openImport', asFile(content), 'exchange.errors.notAnExport');
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: 'not base64 at all!' }, 'errors.validation', {
      fields: { content: 'exchange.errors.notAnExport' },
    });
  });

  it('a file too large, or entries over their caps, before anything is read', async () => {
    const { b, bytes } = await sentFile(openBackend);
    const tooLong = 'A'.repeat(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4);
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: tooLong }, 'errors.validation', { fields: { content: 'exchange.errors.tooLarge' } });
    // A header that announces more than the cap (the bytes themselves are small).
    const payload = entryOf(bytes, PAYLOAD_NAME);
    const announced = `${(IMPORT_MAX_BYTES + 1).toString(8).padStart(11, '0')}\0`;
    await refusedWith(b, 'exchange.openImport', asFile(withHeaderField(bytes, payload.header, 124, announced, 12)), 'exchange.errors.tooLarge');
    // A signature entry far bigger than any signature.
    const envelope = unpackEnvelope(bytes, IMPORT_MAX_BYTES);
    const bloated = packEnvelope({ ...envelope, signature: `${envelope.signature}${'x'.repeat(70_000)}` }, 1_795_000_000);
    await refusedWith(b, 'exchange.openImport', asFile(bloated), 'exchange.errors.tooLarge');
  });

  it('a file re-signed by its sender with one thing wrong inside', async () => {
    const { a, b, sent } = await sentFile(openBackend);
    const keys = keysOf(a, 'Tremplin Lyon');
    const recipients = [recipientOf(b), keys.ageRecipient];
    const edited = (edit: (payload: Json) => unknown) => reseal(keys, sent.content, recipients, (payload) => edit(payload as Json));
    const expectRefused = async (edit: (payload: Json) => unknown, message: string) =>
      refusedWith(b, 'exchange.openImport', { fileName: 'f', content: await edited(edit) }, message);

    // Sanity: the re-signed file itself opens.
    await ok(b, 'exchange.dropImport', { token: (await ok(b, 'exchange.openImport', { fileName: 'f', content: await edited((payload) => payload) })).token });

    await expectRefused((payload) => ({ ...payload, schemaVersion: 2 }), 'exchange.errors.payload.newer_version');
    await expectRefused((payload) => ({ ...payload, schemaVersion: 0 }), 'exchange.errors.payload.not_an_export');
    await expectRefused((payload) => ({ ...payload, schemaVersion: '1' }), 'exchange.errors.payload.not_an_export');
    await expectRefused((payload) => ({ ...payload, format: 'other-export' }), 'exchange.errors.payload.not_an_export');
    await expectRefused(() => '{"format":"tremplin-export","schemaVersion":1,', 'exchange.errors.payload.not_an_export');
    await expectRefused((payload) => [payload], 'exchange.errors.payload.not_an_export');

    const candidate = (payload: Json) => payload.records.candidates[0] ?? {};
    const withRecords = (payload: Json, records: Partial<Json['records']>) => ({ ...payload, records: { ...payload.records, ...records } });
    await expectRefused((payload) => withRecords(payload, { candidates: [candidate(payload), candidate(payload)] }), 'exchange.errors.payload.duplicate_records');
    await expectRefused(
      (payload) => withRecords(payload, { timelineEvents: payload.records.timelineEvents.map((event) => ({ ...event, id: candidate(payload).id })) }),
      'exchange.errors.payload.duplicate_records',
    );
    await expectRefused((payload) => withRecords(payload, { candidates: [{ ...candidate(payload), nir: '184127512345678' }] }), 'exchange.errors.payload.invalid_records');
    await expectRefused((payload) => withRecords(payload, { candidates: [{ ...candidate(payload), birthDate: '1994-02-31' }] }), 'exchange.errors.payload.invalid_records');
    await expectRefused((payload) => withRecords(payload, { candidates: [{ ...candidate(payload), firstName: '   ' }] }), 'exchange.errors.payload.invalid_records');
    await expectRefused(
      (payload) => withRecords(payload, { timelineEvents: payload.records.timelineEvents.map((event) => ({ ...event, occurredAt: '2026-02-31T10:00' })) }),
      'exchange.errors.payload.invalid_records',
    );
    // The contract's text rule holds for what a partner sends as for what a staffer types.
    for (const firstName of ['\u202eanimA', 'Ami\u0000na', '\u001b[2J\u001b[31mAmina', '\u200b\u200d']) {
      await expectRefused((payload) => withRecords(payload, { candidates: [{ ...candidate(payload), firstName }] }), 'exchange.errors.payload.invalid_records');
    }
    await expectRefused(
      (payload) => withRecords(payload, { timelineEvents: payload.records.timelineEvents.map((event) => ({ ...event, text: 'Appel\u009b31m' })) }),
      'exchange.errors.payload.invalid_records',
    );
    await expectRefused((payload) => withRecords(payload, { partners: payload.records.partners.map((partner) => ({ ...partner, name: 'Forum\u2066' })) }), 'exchange.errors.payload.invalid_records');
    await expectRefused(
      (payload) => ({ ...payload, manifest: { ...payload.manifest, sender: { ...(payload.manifest.sender as object), name: 'Tremplin\u202e noyL' } } }),
      'exchange.errors.payload.invalid_records',
    );
    await expectRefused(
      (payload) => withRecords(payload, { sectors: [], candidates: [{ ...candidate(payload), sectorIds: ['01930000-0000-7000-8000-00000000dead'] }] }),
      'exchange.errors.payload.dangling_reference',
    );
    await expectRefused((payload) => withRecords(payload, { candidates: [] }), 'exchange.errors.payload.dangling_reference');
    await expectRefused((payload) => ({ ...payload, manifest: { ...payload.manifest, recipients: [] } }), 'exchange.errors.payload.invalid_records');
    // Signed with A's key, but saying it comes from another association.
    await expectRefused(
      (payload) => ({ ...payload, manifest: { ...payload.manifest, sender: { ...(payload.manifest.sender as object), associationId: '01930000-0000-7000-8000-000000000999' } } }),
      'exchange.errors.senderMismatch',
    );
  });

  it('records that would clash on write with one already here are refused at the preview', async () => {
    const { a, b, sent } = await sentFile(openBackend);
    const keys = keysOf(a, 'Tremplin Lyon');
    const local = await ok(b, 'partners.create', { name: 'CADA local', kind: 'reception_centre', contacts: [{ name: 'Awa' }] });
    const localContact = local.contacts[0];
    const forum = (payload: Json) => payload.records.partners[0] ?? {};
    const contact = (id: string) => ({ id, name: 'Awa', role: null, phone: null, email: null });
    const clashes: ((payload: Json) => Json)[] = [
      // A sector saying it is a seeded one, under another id.
      (payload) => ({
        ...payload,
        records: {
          ...payload.records,
          sectors: [...payload.records.sectors, { ...payload.records.sectors[0], id: '01930000-0000-7000-8000-00000000beef', seedKey: 'health', name: null }],
        },
      }),
      // Two partners with one contact, or one contact twice.
      (payload) => ({
        ...payload,
        records: {
          ...payload.records,
          partners: [
            { ...forum(payload), contacts: [contact('01930000-0000-7000-8000-00000000c0c0')] },
            { ...forum(payload), id: '01930000-0000-7000-8000-00000000fade', contacts: [contact('01930000-0000-7000-8000-00000000c0c0')] },
          ],
        },
      }),
      (payload) => {
        const twice = contact('01930000-0000-7000-8000-00000000c1c1');
        return { ...payload, records: { ...payload.records, partners: [{ ...forum(payload), contacts: [twice, twice] }] } };
      },
      // A contact of a partner here given to another one.
      (payload) => ({ ...payload, records: { ...payload.records, partners: [{ ...forum(payload), contacts: [contact(localContact?.id ?? '')] }] } }),
    ];
    for (const clash of clashes) {
      const content = await reseal(keys, sent.content, [recipientOf(b)], (payload) => clash(payload as Json));
      await refusedWith(b, 'exchange.openImport', { fileName: 'f', content }, 'exchange.errors.payload.duplicate_records');
    }
  });

  it('an unsigned file, one signed by a stranger, our own file, a forgotten preview', async () => {
    const { a, b, bytes, forumHere, amina } = await sentFile(openBackend);
    const envelope = unpackEnvelope(bytes, IMPORT_MAX_BYTES);
    await refusedWith(b, 'exchange.openImport', asFile(packEnvelope({ ...envelope, signature: null }, 1_795_000_000)), 'exchange.errors.unsigned');
    const stranger = signDetached(envelope.payload, generateSigningKey(), 'tremplin export');
    await refusedWith(b, 'exchange.openImport', asFile(packEnvelope({ ...envelope, signature: stranger }, 1_795_000_000)), 'exchange.errors.unknownSender');
    // Encrypted to B and signed by a stranger: still refused before decrypting.
    const forB = await encryptToRecipients(new TextEncoder().encode('{}'), [recipientOf(b)]);
    const strangerKey = generateSigningKey();
    const signedByStranger = packEnvelope({ payload: forB, signature: signDetached(forB, strangerKey, 'x'), readme: null }, 1_795_000_000);
    await refusedWith(b, 'exchange.openImport', asFile(signedByStranger), 'exchange.errors.unknownSender');

    const own = await ok(a, 'exchange.export', { scope: { kind: 'candidates', ids: [amina.id] }, to: { kind: 'passphrase', partnerId: forumHere.id } });
    await refusedWith(a, 'exchange.openImport', { fileName: 'f', content: own.content, passphrase: own.passphrase ?? '' }, 'exchange.errors.ownFile');
    await refusedWith(b, 'exchange.applyImport', { token: '01930000-0000-7000-8000-000000000000' }, 'exchange.errors.importExpired', { code: 'not_found' });
  });

  it('a passphrase file asking for a scrypt work factor above what Tremplin and age write', async () => {
    const { b } = await sentFile(openBackend);
    const payload = Buffer.from(await encryptWithPassphrase(new TextEncoder().encode('{}'), 'abeille-dormir', 10));
    const costly = Buffer.from(payload.toString('latin1').replace(/^(-> scrypt \S+) 10$/m, '$1 20'), 'latin1');
    const content = Buffer.from(packEnvelope({ payload: costly, signature: null, readme: null }, 1_795_000_000)).toString('base64');
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content, passphrase: 'abeille-dormir' }, 'exchange.errors.passphraseTooCostly');
  }, 60_000);

  it('an unsigned passphrase file posing as a verified partner is not attributed to it and updates none of its files', async () => {
    const { a, b, amina, sent } = await sentFile(openBackend);
    await ok(b, 'exchange.applyImport', { token: (await ok(b, 'exchange.openImport', { fileName: 'f', content: sent.content })).token });
    const before = await ok(b, 'candidates.get', { id: amina.id });
    // The attacker copies what A's card says into the manifest, changes A's file and picks the passphrase.
    const envelope = unpackEnvelope(Buffer.from(sent.content, 'base64'), IMPORT_MAX_BYTES);
    const real = JSON.parse(new TextDecoder().decode(await decrypt(envelope.payload, { identities: [keysOf(b, 'Forum Réfugiés').ageIdentity] }))) as Json;
    const forged: Json = {
      ...real,
      manifest: { ...real.manifest, exportId: '01930000-0000-7000-8000-0000000000ff', sequence: 1000 },
      records: { ...real.records, candidates: real.records.candidates.map((file) => ({ ...file, phone: '+33700000000', updatedAt: '2026-12-01T00:00:00.000Z' })) },
    };
    const payload = await encryptWithPassphrase(new TextEncoder().encode(JSON.stringify(forged)), 'abeille-dormir', 10);
    const file = { fileName: 'f', content: Buffer.from(packEnvelope({ payload, signature: null, readme: null }, 1_795_000_000)).toString('base64'), passphrase: 'abeille-dormir' };

    const preview = await ok(b, 'exchange.openImport', file);
    expect(preview.signature).toBe('unsigned');
    expect(preview.counts).toMatchObject({ updated: 0, conflict: 0, older: 0 });
    const arriving = preview.items.filter((item) => item.recordType === 'candidate');
    expect(arriving).toHaveLength(1);
    expect(arriving[0]).toMatchObject({ state: 'new', likelyDuplicates: [{ id: amina.id }] });
    expect(arriving[0]?.id).not.toBe(amina.id);
    await ok(b, 'exchange.applyImport', { token: preview.token, decisions: { [amina.id]: 'take_theirs' } });
    expect(await ok(b, 'candidates.get', { id: amina.id })).toEqual(before);
    expect(await ok(b, 'candidates.get', { id: arriving[0]?.id ?? '' })).toMatchObject({ phone: '+33700000000', firstName: 'Amina' });

    // A's next real file is not taken for a replay of the forged sequence number.
    await ok(a, 'candidates.update', { id: amina.id, frenchLevel: 'B1' });
    const next = await ok(b, 'exchange.openImport', { fileName: 'g', content: (await exportTo(a, (await ok(a, 'exchange.listCards', { includeArchived: false }))[0]?.id ?? '', [amina.id])).content });
    expect(next.signature).toBe('verified');
    expect(next.items.find((item) => item.id === amina.id)?.state).toBe('updated');
  }, 120_000);
});
