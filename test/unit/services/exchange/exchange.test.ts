import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypt, generateAgeKey } from '../../../../electron/formats/age';
import { unpackEnvelope } from '../../../../electron/formats/envelope';
import { TEST_SCRYPT_COST, passphraseProtector } from '../../../../electron/formats/protection';
import { sourceMigrationsDir } from '../../../../electron/api/backend';
import { openDatabase } from '../../../../electron/db/open';
import { createIdentity } from '../../../../electron/services/exchange/identity';
import { contentSnapshot, ok, refused } from '../../../support/api';
import { useTempDir } from '../../../support/temp';
import { association, exportTo, importFile, keyPassphraseOf, keysOf, refusedWith, twoPartners, useExchangeBackend } from '../../../support/exchange';

describe('exchange between two associations', () => {
  const openBackend = useExchangeBackend();
  const tempDir = useTempDir();

  it('sends a file to a verified partner who previews and imports it; the same file again changes nothing', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    expect(sent.counts).toMatchObject({ candidates: 1, timelineEvents: 1, partners: 1, sectors: 1 });
    expect(sent.passphrase).toBeNull();

    const preview = await ok(b, 'exchange.openImport', { fileName: sent.fileName, content: sent.content });
    expect(preview.signature).toBe('verified');
    expect(preview.sender.name).toBe('Tremplin Lyon');
    expect(preview.counts).toMatchObject({ new: 3, unchanged: 1 }); // the seeded sector is the same everywhere
    // Each line's name crosses as data the window words in its language: nothing to split back.
    expect(Object.fromEntries(preview.items.map((item) => [item.recordType, item.label]))).toEqual({
      candidate: { type: 'name', name: 'Amina Nguyễn-Đặng' },
      partner: { type: 'name', name: 'Forum Réfugiés' },
      sector: { type: 'sector', seedKey: 'logistics', name: null },
      timelineEvent: { type: 'timelineEvent', kind: 'call', occurredOn: '2026-02-01' },
    });
    const applied = await ok(b, 'exchange.applyImport', { token: preview.token });
    expect(applied.written).toBe(3);
    expect((await ok(b, 'backups.status', {})).backups.map((backup) => backup.name)).toContain(applied.backup);

    const shared = await ok(a, 'exchange.log', { candidateId: amina.id });
    expect(shared.items).toMatchObject([{ direction: 'export', counterpartName: 'Forum Réfugiés', candidates: 1, byPassphrase: false }]);
    expect((await ok(b, 'exchange.log', {})).items).toMatchObject([{ direction: 'import', counterpartName: 'Tremplin Lyon' }]);
    expect((await ok(a, 'exchange.log', { candidateId: '01930000-0000-7000-8000-000000000000' })).total).toBe(0);

    const received = await ok(b, 'candidates.get', { id: amina.id });
    expect(received).toMatchObject({ firstName: 'Amina', lastName: 'Nguyễn-Đặng', otherNames: ['أمينة'], phone: '+33612345678' });
    expect(received.barriers).toHaveLength(1);
    expect(received.origin).not.toBeNull();
    expect((await ok(b, 'timeline.list', { subjectType: 'candidate', subjectId: amina.id })).total).toBe(1);

    const before = contentSnapshot(b);
    const again = await ok(b, 'exchange.openImport', { fileName: sent.fileName, content: sent.content });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, conflict: 0 });
    await ok(b, 'exchange.applyImport', { token: again.token });
    const after = contentSnapshot(b);
    // Only the log and the audit grow: the records are exactly as they were.
    for (const table of Object.keys(before).filter((name) => !['exchange_log', 'audit_log'].includes(name))) {
      expect(after[table], table).toEqual(before[table]);
    }
  });

  it('the same preview applied twice at once is applied once: one log entry, the same answer', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    const preview = await ok(b, 'exchange.openImport', { fileName: sent.fileName, content: sent.content });
    const [first, second] = await Promise.all([
      ok(b, 'exchange.applyImport', { token: preview.token }),
      ok(b, 'exchange.applyImport', { token: preview.token }),
    ]);
    expect(second).toEqual(first);
    const third = await ok(b, 'exchange.applyImport', { token: preview.token });
    expect(third).toEqual(first);
    expect((await ok(b, 'exchange.log', {})).total).toBe(1);
  });

  it('blocks files without consent to share with that partner, and says why', async () => {
    const { a, amina, cardBatA } = await twoPartners(openBackend);
    const other = await ok(a, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir', consentRecording: true });
    const sharedBefore = await ok(a, 'exchange.previewExport', { scope: { kind: 'sharedWithPartner' }, to: { kind: 'partner', partnerCardId: cardBatA.id } });
    expect(sharedBefore.allowed.map((entry) => entry.id)).toEqual([amina.id]);
    const withdrawn = await ok(a, 'candidates.update', { id: amina.id, consentWithdrawnOn: '2026-03-01' });
    expect(withdrawn).toMatchObject({ consentWithdrawnOn: '2026-03-01', sharingPartnerIds: [] });
    // Withdrawing took back the sharing too: the partner's files no longer include hers.
    const sharedAfter = await ok(a, 'exchange.previewExport', { scope: { kind: 'sharedWithPartner' }, to: { kind: 'partner', partnerCardId: cardBatA.id } });
    expect(sharedAfter).toEqual({ allowed: [], blocked: [] });
    const preview = await ok(a, 'exchange.previewExport', {
      scope: { kind: 'candidates', ids: [amina.id, other.id] },
      to: { kind: 'partner', partnerCardId: cardBatA.id },
    });
    expect(preview.allowed).toEqual([]);
    expect(preview.blocked.map((entry) => entry.reason).sort()).toEqual(['consent_withdrawn', 'not_shared_with_partner']);
    await refused(a, 'exchange.export', { scope: { kind: 'candidates', ids: [other.id] }, to: { kind: 'partner', partnerCardId: cardBatA.id } });
  });

  it('an export that names a file not here is refused, even beside files that may go, and writes nothing', async () => {
    const { a, amina, cardBatA } = await twoPartners(openBackend);
    const missing = '01a00000-0000-7000-8000-000000000000';
    const request = { scope: { kind: 'candidates', ids: [amina.id, missing] }, to: { kind: 'partner', partnerCardId: cardBatA.id } };
    await refusedWith(a, 'exchange.export', request, 'candidates.errors.notFound');
    await refusedWith(a, 'exchange.previewExport', request, 'candidates.errors.notFound');
    expect((await ok(a, 'exchange.log', {})).total).toBe(0);
  });

  it('an export to one partner carries nothing about another: not its record, note or contacts, not the consent to share with it', async () => {
    const { a, b, amina, cardBatA, forumHere } = await twoPartners(openBackend);
    const other = await ok(a, 'partners.create', {
      name: 'Cada Villeurbanne',
      kind: 'reception_centre',
      notes: 'Référente en arrêt jusqu’en mars',
      contacts: [{ name: 'Odile Marchand', phone: '06 11 22 33 44' }],
    });
    await ok(a, 'partners.update', { id: forumHere.id, notes: 'Lents à répondre', contacts: [{ name: 'Paul Rivière' }] });
    await ok(a, 'candidates.update', {
      id: amina.id,
      sharingPartnerIds: [forumHere.id, other.id],
      referralPartnerId: other.id,
      referrerContact: 'Odile Marchand, Cada',
      referredOn: '2026-01-05',
    });
    const sent = await exportTo(a, cardBatA.id, [amina.id], { includeNotes: false, includeBarriers: false });
    expect(sent.counts).toMatchObject({ candidates: 1, partners: 1 });
    const envelope = unpackEnvelope(Buffer.from(sent.content, 'base64'), Number.MAX_SAFE_INTEGER);
    const plaintext = new TextDecoder().decode(await decrypt(envelope.payload, { identities: [keysOf(b, 'Forum Réfugiés').ageIdentity] }));
    for (const secret of [other.id, 'Cada', 'Odile', 'Référente', 'Lents à répondre', 'Paul Rivière', '2026-01-05']) expect(plaintext).not.toContain(secret);

    await importFile(b, sent.content);
    expect((await b.dispatch('partners.get', { id: other.id })).ok).toBe(false);
    expect(await ok(b, 'candidates.get', { id: amina.id })).toMatchObject({ sharingPartnerIds: [forumHere.id], referralPartnerId: null, referrerContact: null });
    expect(await ok(b, 'partners.get', { id: forumHere.id })).toMatchObject({ name: 'Forum Réfugiés', notes: null, contacts: [] });

    // What B then records for itself stays when A sends the file again.
    await ok(b, 'partners.update', { id: forumHere.id, notes: 'Notre propre fiche', contacts: [{ name: 'Nadia' }] });
    await ok(b, 'candidates.update', { id: amina.id, referrerContact: 'Nadia', sharingPartnerIds: [] });
    await ok(a, 'partners.update', { id: forumHere.id, name: 'Forum Réfugiés Cosi' });
    await ok(a, 'candidates.update', { id: amina.id, phone: '06 99 88 77 66' });
    // Both sides changed both records: B takes A's versions, and still keeps what is its own.
    const again = await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content, {
      decisions: { [amina.id]: 'take_theirs', [forumHere.id]: 'take_theirs' },
    });
    expect(again.preview.items.filter((item) => item.state === 'conflict').map((item) => item.id).sort()).toEqual([amina.id, forumHere.id].sort());
    expect(await ok(b, 'candidates.get', { id: amina.id })).toMatchObject({ phone: '+33699887766', referrerContact: 'Nadia', sharingPartnerIds: [] });
    expect(await ok(b, 'partners.get', { id: forumHere.id })).toMatchObject({ name: 'Forum Réfugiés Cosi', notes: 'Notre propre fiche', contacts: [{ name: 'Nadia' }] });
  }, 60_000);

  it('leaves out notes and barriers on request, and the receiver keeps its own barriers', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const first = await exportTo(a, cardBatA.id, [amina.id]);
    await ok(b, 'exchange.applyImport', { token: (await ok(b, 'exchange.openImport', { fileName: 'f', content: first.content })).token });
    await ok(a, 'candidates.update', { id: amina.id, frenchLevel: 'B1' });
    const minimal = await exportTo(a, cardBatA.id, [amina.id], { includeNotes: false, includeBarriers: false });
    expect(minimal.counts).toMatchObject({ timelineEvents: 0 });
    const preview = await ok(b, 'exchange.openImport', { fileName: 'f', content: minimal.content });
    expect(preview.items.find((item) => item.id === amina.id)?.state).toBe('updated');
    await ok(b, 'exchange.applyImport', { token: preview.token });
    const received = await ok(b, 'candidates.get', { id: amina.id });
    expect(received.frenchLevel).toBe('B1');
    expect(received.barriers).toHaveLength(1);
  });

  it('shows a conflict when both sides changed since the last exchange, and keeps ours unless told', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const first = await exportTo(a, cardBatA.id, [amina.id]);
    await ok(b, 'exchange.applyImport', { token: (await ok(b, 'exchange.openImport', { fileName: 'f', content: first.content })).token });
    await ok(b, 'candidates.update', { id: amina.id, commune: 'Vénissieux' });
    await ok(a, 'candidates.update', { id: amina.id, commune: 'Bron' });
    const second = await exportTo(a, cardBatA.id, [amina.id]);
    const preview = await ok(b, 'exchange.openImport', { fileName: 'f', content: second.content });
    expect(preview.items.find((item) => item.id === amina.id)?.state).toBe('conflict');
    await ok(b, 'exchange.applyImport', { token: preview.token });
    expect((await ok(b, 'candidates.get', { id: amina.id })).commune).toBe('Vénissieux');

    const third = await exportTo(a, cardBatA.id, [amina.id]);
    const decided = await ok(b, 'exchange.openImport', { fileName: 'f', content: third.content });
    await ok(b, 'exchange.applyImport', { token: decided.token, decisions: { [amina.id]: 'take_theirs' } });
    expect((await ok(b, 'candidates.get', { id: amina.id })).commune).toBe('Bron');
  });

  it('refuses hostile files with a clear error and changes nothing', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    const bytes = Buffer.from(sent.content, 'base64');
    // A byte of the encrypted payload (after the readme's and the payload's tar headers).
    const tampered = Buffer.from(bytes);
    const position = bytes.indexOf('age-encryption.org') + 300;
    tampered[position] = (tampered[position] ?? 0) ^ 1;
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: tampered.toString('base64') }, 'exchange.errors.badSignature');
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: bytes.subarray(0, 2560).toString('base64') }, 'exchange.errors.damaged');
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: Buffer.from('not a file at all').toString('base64') }, 'exchange.errors.notAnExport');
    // A file meant for someone else: A cannot open what it sent to B? It can (its own key is a
    // recipient), but a third association cannot.
    const c = await openBackend();
    await association(c, 'Troisième');
    const cardAatC = await ok(c, 'exchange.importCard', { content: (await ok(a, 'exchange.ownCard', {})).content });
    await refusedWith(c, 'exchange.openImport', { fileName: 'f', content: sent.content }, 'exchange.errors.senderNotVerified');
    await ok(c, 'exchange.verifyCard', { id: cardAatC.id });
    await refusedWith(c, 'exchange.openImport', { fileName: 'f', content: sent.content }, 'exchange.errors.notForUs');

    // Replay: once a newer file was imported, an older one is refused.
    const older = await exportTo(a, cardBatA.id, [amina.id]);
    const newer = await exportTo(a, cardBatA.id, [amina.id]);
    await ok(b, 'exchange.applyImport', { token: (await ok(b, 'exchange.openImport', { fileName: 'f', content: newer.content })).token });
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: older.content }, 'exchange.errors.replay');
  });

  it('a passphrase file opens with the passphrase as said by phone, not without it', async () => {
    const { a, b, amina, forumHere } = await twoPartners(openBackend);
    const sent = await ok(a, 'exchange.export', { scope: { kind: 'candidates', ids: [amina.id] }, to: { kind: 'passphrase', partnerId: forumHere.id } });
    expect(sent.passphrase).toMatch(/^[a-z]+(-[a-z]+){5}$/);
    // The age tool takes the passphrase as typed: the readme says to join the words by hyphens.
    const { readme } = unpackEnvelope(Buffer.from(sent.content, 'base64'), Number.MAX_SAFE_INTEGER);
    expect(readme).toContain('reliés par des tirets :\n     mot-mot-mot-mot-mot-mot');
    expect(readme).toContain('joined by hyphens:\n     word-word-word-word-word-word');
    // Said on the passphrase field, which the window shows when asked for.
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: sent.content }, 'exchange.errors.passphraseRequired', {
      fields: { passphrase: 'exchange.errors.passphraseRequired' },
    });
    await refusedWith(b, 'exchange.openImport', { fileName: 'f', content: sent.content, passphrase: 'abeille-abeille-abeille-abeille-abeille-abeille' }, 'exchange.errors.wrongPassphrase', {
      fields: { passphrase: 'exchange.errors.wrongPassphrase' },
    });
    const spoken = (sent.passphrase ?? '').toUpperCase().replaceAll('-', ' ');
    const preview = await ok(b, 'exchange.openImport', { fileName: 'f', content: sent.content, passphrase: spoken });
    expect(preview.counts.new).toBe(3);
  });

  it('flags a new file that may be a person already known here, and skips it when told', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const known = await ok(b, 'candidates.create', { firstName: 'Amina', lastName: 'Nguyen', phone: '+33 6 12 34 56 78' });
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    const preview = await ok(b, 'exchange.openImport', { fileName: 'f', content: sent.content });
    const item = preview.items.find((entry) => entry.id === amina.id);
    expect(item?.likelyDuplicates).toEqual([{ id: known.id, name: 'Amina Nguyen' }]);
    const result = await ok(b, 'exchange.applyImport', { token: preview.token, decisions: { [amina.id]: 'skip' } });
    expect(result.written).toBe(1); // the partner record only: the file itself was skipped
    expect((await b.dispatch('candidates.get', { id: amina.id })).ok).toBe(false);
  });

  it('a running export reports its progress, and nothing once done', async () => {
    const { a, amina, cardBatA } = await twoPartners(openBackend);
    const running = exportTo(a, cardBatA.id, [amina.id]);
    const during = await ok(a, 'exchange.progress', {});
    expect(during).toMatchObject({ operation: 'export' });
    expect(['reading', 'encrypting']).toContain(during?.step);
    await running;
    expect(await ok(a, 'exchange.progress', {})).toBeNull();
  });

  it('keys sealed under the database key stay open: locking them apart changes nothing, the export still works', async () => {
    const { a, amina, cardBatA } = await twoPartners(openBackend);
    expect((await ok(a, 'exchange.status', {})).protection).toBe('database');
    await ok(a, 'exchange.lock', {});
    expect((await ok(a, 'exchange.status', {})).keys?.unlocked).toBe(true);
    await ok(a, 'exchange.export', { scope: { kind: 'candidates', ids: [amina.id] }, to: { kind: 'partner', partnerCardId: cardBatA.id } });
  });

  it('keys sealed by a passphrase (made before the database was encrypted) must be unlocked with it to export', async () => {
    // Keys made on an encrypted database are sealed under its key and never locked apart:
    // only a folder whose keys predate encryption still has a passphrase to give.
    const file = join(tempDir(), 'tremplin.sqlite');
    const plain = await openDatabase({ key: null, file, migrationsDir: sourceMigrationsDir });
    await createIdentity(plain.db, passphraseProtector(keyPassphraseOf('Tremplin Lyon'), TEST_SCRYPT_COST), '2026-01-05T09:00:00.000Z');
    plain.close();
    const a = await openBackend({ file });
    await ok(a, 'exchange.saveProfile', { name: 'Tremplin Lyon' });
    const partner = await ok(a, 'partners.create', { name: 'Forum', kind: 'other' });
    const amina = await ok(a, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', consentRecording: true, sharingPartnerIds: [partner.id] });
    const request = { scope: { kind: 'candidates' as const, ids: [amina.id] }, to: { kind: 'passphrase' as const, partnerId: partner.id } };
    expect((await ok(a, 'exchange.status', {})).keys?.unlocked).toBe(false);
    await refused(a, 'exchange.export', request);
    await refused(a, 'exchange.unlock', { passphrase: 'not the passphrase' }, { passphrase: 'exchange.errors.wrongKeyPassphrase' });
    await ok(a, 'exchange.unlock', { passphrase: keyPassphraseOf('Tremplin Lyon') });
    expect((await ok(a, 'exchange.status', {})).keys?.unlocked).toBe(true);
    await ok(a, 'exchange.export', request);
    await ok(a, 'exchange.lock', {});
    expect((await ok(a, 'exchange.status', {})).keys?.unlocked).toBe(false);
  });
});

function hasTools(): boolean {
  try {
    execFileSync('age', ['--version'], { stdio: 'ignore' });
    execFileSync('minisign', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasTools())('a partner without Tremplin', () => {
  const tempDir = useTempDir();
  const openBackend = useExchangeBackend();

  it('checks the file with minisign and opens it with age, from what the card and the file hold', async () => {
    const a = await openBackend();
    const cardA = JSON.parse((await association(a, 'Tremplin Lyon')).content) as { signingPublicKey: string };
    const partner = await ok(a, 'partners.create', { name: 'Partenaire', kind: 'other' });
    const amina = await ok(a, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', consentRecording: true, sharingPartnerIds: [partner.id] });
    const sent = await ok(a, 'exchange.export', { scope: { kind: 'candidates', ids: [amina.id] }, to: { kind: 'passphrase', partnerId: partner.id } });

    const folder = tempDir();
    writeFileSync(join(folder, sent.fileName), Buffer.from(sent.content, 'base64'));
    execFileSync('tar', ['xf', join(folder, sent.fileName), '-C', folder]);
    const verified = execFileSync('minisign', ['-V', '-P', cardA.signingPublicKey, '-m', join(folder, 'export.json.age')], { encoding: 'utf8' });
    expect(verified).toContain('Signature and comment signature verified');
    execFileSync('script', ['-q', '-c', `age -d -o ${join(folder, 'export.json')} ${join(folder, 'export.json.age')}`, '/dev/null'], {
      input: `${sent.passphrase}\n`,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const content = JSON.parse(readFileSync(join(folder, 'export.json'), 'utf8')) as { manifest: { sequence: number }; records: { candidates: { lastName: string }[] } };
    expect(content.manifest.sequence).toBe(1);
    expect(content.records.candidates[0]?.lastName).toBe('Diallo');
    expect(unpackEnvelope(readFileSync(join(folder, sent.fileName)), 10_000_000).readme).toContain('minisign -V');
  });

  it('a file sent to a verified partner: minisign -V -P with the key from our card, then age -d -i with their own key', async () => {
    const { a, b, amina, cardA, cardBatA } = await twoPartners(openBackend);
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    const folder = tempDir();
    writeFileSync(join(folder, sent.fileName), Buffer.from(sent.content, 'base64'));
    execFileSync('tar', ['xf', join(folder, sent.fileName), '-C', folder]);
    const { signingPublicKey } = JSON.parse(cardA.content) as { signingPublicKey: string };
    const verified = execFileSync('minisign', ['-V', '-P', signingPublicKey, '-m', join(folder, 'export.json.age')], { encoding: 'utf8' });
    expect(verified).toContain(`tremplin export ${sent.exportId} sequence ${sent.sequence}`);
    // The partner's own age key (what their Tremplin keeps sealed), in a key file as age expects it.
    writeFileSync(join(folder, 'their-key.txt'), `${keysOf(b, 'Forum Réfugiés').ageIdentity}\n`);
    execFileSync('age', ['-d', '-i', join(folder, 'their-key.txt'), '-o', join(folder, 'export.json'), join(folder, 'export.json.age')]);
    type Content = { manifest: { exportId: string }; records: { candidates: { id: string; lastName: string }[] } };
    const content = JSON.parse(readFileSync(join(folder, 'export.json'), 'utf8')) as Content;
    expect(content.manifest.exportId).toBe(sent.exportId);
    expect(content.records.candidates).toMatchObject([{ id: amina.id, lastName: 'Nguyễn-Đặng' }]);
    // Someone else's key does not open it.
    writeFileSync(join(folder, 'other-key.txt'), `${(await generateAgeKey()).identity}\n`);
    expect(() => execFileSync('age', ['-d', '-i', join(folder, 'other-key.txt'), join(folder, 'export.json.age')], { stdio: 'pipe' })).toThrow();
  });
});
