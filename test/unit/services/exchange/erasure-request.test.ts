import { describe, expect, it } from 'vitest';
import { decrypt } from '../../../../electron/formats/age';
import { unpackEnvelope } from '../../../../electron/formats/envelope';
import { parsePayload } from '../../../../electron/formats/payload';
import { ok } from '../../../support/api';
import { exportTo, importFile, keysOf, recipientOf, refusedWith, reseal, twoPartners, useExchangeBackend } from '../../../support/exchange';
import { rows } from '../../../support/records';

/** A partner told of an erasure through the exchange format (GDPR art. 17 and 19): the partner decides. */
describe('erasure requests between partners', { timeout: 90_000 }, () => {
  const openBackend = useExchangeBackend();

  it('travels signed and encrypted with only the exchange id and the date, is shown to the partner, and erases nothing until their staffer does', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    const erased = await ok(a, 'rights.erase', { candidateId: amina.id, reason: 'request' });
    expect(erased.partnersToTell.map((partner) => partner.associationId)).toEqual([cardBatA.associationId]);

    const request = await ok(a, 'exchange.erasureRequest', { candidateIds: erased.erasedIds, associationId: cardBatA.associationId });
    // What it carries, as the partner decrypts it: the id and the day, no personal data.
    const envelope = unpackEnvelope(Buffer.from(request.content, 'base64'), Number.MAX_SAFE_INTEGER);
    expect(envelope.signature).not.toBeNull();
    const payload = JSON.parse(new TextDecoder().decode(await decrypt(envelope.payload, { identities: [keysOf(b, 'Forum Réfugiés').ageIdentity] })));
    expect(payload).toMatchObject({ format: 'tremplin-export', schemaVersion: 2, kind: 'erasureRequest', erasure: { candidateIds: [amina.id], erasedOn: erased.erasedAt.slice(0, 10) } });
    expect(JSON.stringify(payload)).not.toMatch(/Amina|Nguy|06 12|1994/);

    const preview = await ok(b, 'exchange.openImport', { fileName: request.fileName, content: request.content });
    expect(preview).toMatchObject({ signature: 'verified', items: [], erasureRequest: { erasedOn: erased.erasedAt.slice(0, 10), files: [{ id: amina.id, name: 'Amina Nguyễn-Đặng' }] } });
    const recorded = await ok(b, 'exchange.applyImport', { token: preview.token });
    expect(recorded).toMatchObject({ written: 0, erasureRequestRecorded: true, backup: null });
    // Recorded, not acted on: the person is still here until the staffer decides.
    expect(rows(b, 'SELECT count(*) AS n FROM candidates WHERE id = ?', amina.id)).toEqual([{ n: 1 }]);
    const [asked] = await ok(b, 'rights.partnerErasureRequests', {});
    expect(asked).toMatchObject({ associationName: 'Tremplin Lyon', files: [{ id: amina.id, name: 'Amina Nguyễn-Đặng' }], decision: null });

    // The same file again is not a second request; an older one is a replay.
    const again = await ok(b, 'exchange.openImport', { fileName: request.fileName, content: request.content });
    await ok(b, 'exchange.applyImport', { token: again.token });
    expect(await ok(b, 'rights.partnerErasureRequests', {})).toHaveLength(1);

    await refusedWith(b, 'rights.answerPartnerErasure', { id: asked?.id, decision: 'decline', reason: '' }, 'errors.validation', { fields: { reason: 'rights.errors.declineReason' } });
    const decided = await ok(b, 'rights.answerPartnerErasure', { id: asked?.id ?? '', decision: 'erase' });
    expect(decided).toMatchObject({ decision: 'erased', files: [] });
    expect(rows(b, 'SELECT count(*) AS n FROM candidates WHERE id = ?', amina.id)).toEqual([{ n: 0 }]);
    expect(rows(b, 'SELECT reason FROM erasure_register WHERE candidate_id = ?', amina.id)).toEqual([{ reason: 'request' }]);
    await refusedWith(b, 'rights.answerPartnerErasure', { id: asked?.id, decision: 'decline', reason: 'Suivi en cours' }, 'rights.errors.alreadyAnswered', { code: 'conflict' });
  });

  it('may be declined with a reason, which keeps the file; and only for a person erased here and sent to that partner', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    // Not erased yet, and not sent yet.
    await refusedWith(a, 'exchange.erasureRequest', { candidateIds: [amina.id], associationId: cardBatA.associationId }, 'rights.errors.notErased', { code: 'conflict' });
    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    const other = await ok(a, 'candidates.create', { firstName: 'Yusuf', lastName: 'Demir' });
    await ok(a, 'rights.erase', { candidateId: other.id, reason: 'request' });
    await refusedWith(a, 'exchange.erasureRequest', { candidateIds: [other.id], associationId: cardBatA.associationId }, 'rights.errors.notSentToPartner', { code: 'conflict' });

    const { erasedIds } = await ok(a, 'rights.erase', { candidateId: amina.id, reason: 'consentWithdrawn' });
    const request = await ok(a, 'exchange.erasureRequest', { candidateIds: erasedIds, associationId: cardBatA.associationId });
    const preview = await ok(b, 'exchange.openImport', { fileName: request.fileName, content: request.content });
    await ok(b, 'exchange.applyImport', { token: preview.token });
    const [asked] = await ok(b, 'rights.partnerErasureRequests', {});
    const declined = await ok(b, 'rights.answerPartnerErasure', { id: asked?.id ?? '', decision: 'decline', reason: 'Contrat de travail en cours' });
    expect(declined).toMatchObject({ decision: 'declined', declineReason: 'Contrat de travail en cours' });
    expect(rows(b, 'SELECT count(*) AS n FROM candidates WHERE id = ?', amina.id)).toEqual([{ n: 1 }]);
  });

  it('is refused cleanly by a reader of the first version, and read here only in its exact shape', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    const { erasedIds } = await ok(a, 'rights.erase', { candidateId: amina.id, reason: 'request' });
    const request = await ok(a, 'exchange.erasureRequest', { candidateIds: erasedIds, associationId: cardBatA.associationId });
    // A version-1 reader reads every file with the records' reader, which stops at the version:
    // "from a newer version of Tremplin", before looking at the content.
    const envelope = unpackEnvelope(Buffer.from(request.content, 'base64'), Number.MAX_SAFE_INTEGER);
    const plaintext = await decrypt(envelope.payload, { identities: [keysOf(b, 'Forum Réfugiés').ageIdentity] });
    const noneHere = { sectors: new Set<string>(), partners: new Set<string>(), candidates: new Set<string>(), seededSectors: new Map(), contactOwners: new Map() };
    expect(() => parsePayload(plaintext, noneHere)).toThrow(expect.objectContaining({ reason: 'newer_version' }));
    // Here, a request of a later version is refused the same way, and records slipped into one are not read.
    const later = await reseal(keysOf(a, 'Tremplin Lyon'), request.content, [recipientOf(b)], (payload) => ({ ...payload, schemaVersion: 3 }));
    await refusedWith(b, 'exchange.openImport', { fileName: 'r.tremplin', content: later }, 'exchange.errors.payload.newer_version');
    const withRecords = await reseal(keysOf(a, 'Tremplin Lyon'), request.content, [recipientOf(b)], (payload) => ({ ...payload, records: { candidates: [] } }));
    const refused = await b.dispatch('exchange.openImport', { fileName: 'r.tremplin', content: withRecords });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: 'exchange.errors.payload.invalid_records' } });
  });
});
