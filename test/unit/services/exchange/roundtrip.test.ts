import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import type { CandidateFieldsInput } from '../../../../shared/candidates';
import { BARRIER_THEMES, SEEDED_SECTORS } from '../../../../shared/domain';
import { LANGUAGE_CODES } from '../../../../shared/reference';
import { ok } from '../../../support/api';
import { SECTOR_LOGISTICS, association, expectSameRecords, importFile, localLinksOf, twoPartners, useExchangeBackend } from '../../../support/exchange';

/**
 * What arrives equals what left: every exchanged record type, sent from one data folder to
 * another and back, compared field by field through the API — names in the scripts the
 * associations meet, records with only their required fields, and records with every field
 * at its longest and every list at its longest.
 */

const SCRIPTS = {
  arabic: 'أمينة بنت عبد الرحمن',
  tigrinya: 'ሰላም ተስፋማርያም ገብረመድህን',
  dari: 'فرشته احمدی کابل',
  accents: 'Hélène Nguyễn-Đặng Çağlar Øyvind',
  emoji: 'Zoë 🌍👩🏽‍🔧🧕🏿',
};

/** `text` repeated to exactly `length` UTF-16 units (what the schemas' max counts), never cutting a character. */
function longest(text: string, length: number): string {
  let result = '';
  for (const character of [...text.repeat(Math.ceil(length / text.length) + 1)]) {
    if (result.length + character.length > length) break;
    result += character;
  }
  // Trimmed by the schemas: the ends must not be spaces; pad with letters to the exact length.
  return `${result.trim()}${'z'.repeat(length)}`.slice(0, length).replace(/\s$/, 'z');
}

const sequenceOf = (length: number) => Array.from({ length }, (_, index) => index);

/** 49 more partners to reach the 50 a file may be shared with: the minimal partner record. */
async function partnersToShareWith(a: Backend, count: number) {
  const names = Object.values(SCRIPTS);
  const ids: string[] = [];
  for (const index of sequenceOf(count)) ids.push((await ok(a, 'partners.create', { name: `${names[index % names.length]} ${index}`, kind: 'other' })).id);
  return ids;
}

/** A partner with every field at its longest and 30 contacts. */
async function maximalPartner(a: Backend) {
  return ok(a, 'partners.create', {
    name: longest(`${SCRIPTS.tigrinya} ${SCRIPTS.accents}`, 200),
    kind: 'reception_centre',
    address: longest(SCRIPTS.dari, 200),
    postalCode: '69007',
    commune: longest(SCRIPTS.accents, 100),
    phone: '+33478123456',
    email: 'accueil@cada-lyon.org',
    notes: longest(`${SCRIPTS.emoji} ${SCRIPTS.arabic} `, 5000),
    contacts: sequenceOf(30).map((index) => ({
      name: longest(`${index} ${SCRIPTS.arabic}`, 150),
      role: longest(SCRIPTS.emoji, 100),
      phone: '+33612345678',
      email: `contact${index}@cada-lyon.org`,
    })),
  });
}

/** Ten sectors of the association's own, with the longest names. */
async function ownSectors(a: Backend) {
  const names = Object.values(SCRIPTS);
  const ids: string[] = [];
  for (const index of sequenceOf(10)) ids.push((await ok(a, 'sectors.create', { name: longest(`${index} ${names[index % names.length]}`, 80) })).id);
  return ids;
}

/** An e-mail address exactly 200 characters long, the longest the field takes. */
const LONGEST_EMAIL = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(200 - 64 - 1 - 63 - 1 - 63 - 1)}`;

function maximalCandidate(links: { sectorIds: string[]; partnerIds: string[]; referralPartnerId: string; volunteerId: string }): CandidateFieldsInput {
  return {
    firstName: longest(SCRIPTS.tigrinya, 100),
    lastName: longest(SCRIPTS.arabic, 100),
    otherNames: sequenceOf(10).map((index) => longest(`${index} ${Object.values(SCRIPTS)[index % 5]}`, 100)),
    gender: 'female',
    birthDate: '1990-02-28',
    nationality: 'AF',
    languages: [...LANGUAGE_CODES.slice(0, 20)],
    phone: '+93701234567',
    phoneWhatsapp: true,
    secondPhone: '+393471234567',
    email: LONGEST_EMAIL,
    address: longest(`${SCRIPTS.dari} ${SCRIPTS.accents}`, 200),
    postalCode: '69008',
    commune: longest(SCRIPTS.accents, 100),
    publicCategory: 'refugee',
    status: 'active',
    assignedVolunteerId: links.volunteerId,
    frenchLevel: 'B1',
    frenchLevelProof: 'delf',
    frenchLevelDate: '2025-06-01',
    authorisationDocument: 'refugee_resident_card',
    authorisationStart: '2024-01-01',
    authorisationExpiry: '2034-01-01',
    employerMustApply: true,
    asylumRegisteredOn: '2022-05-01',
    mobility: 'public_transport',
    maxDistanceKm: 1000,
    maxTravelMinutes: 600,
    sectorIds: links.sectorIds,
    occupations: sequenceOf(10).map((index) => ({ label: longest(`${index} ${SCRIPTS.dari}`, 150), romeCode: 'n1103' })),
    experience: longest(`${SCRIPTS.tigrinya}\n${SCRIPTS.emoji} `, 2000),
    qualifications: sequenceOf(10).map((index) => ({ label: longest(`${index} ${SCRIPTS.accents}`, 200), recognised: index % 2 === 0 })),
    availability: longest(SCRIPTS.arabic, 500),
    availableFrom: '2026-12-01',
    referralPartnerId: links.referralPartnerId,
    referrerContact: longest(SCRIPTS.emoji, 200),
    referredOn: '2025-01-15',
    consentRecording: true,
    consentContact: true,
    consentDate: '2025-01-15',
    consentMethod: 'written',
    // A withdrawn consent stops the file from leaving at all (see exchange.test.ts).
    consentWithdrawnOn: null,
    sharingPartnerIds: links.partnerIds,
    barriers: BARRIER_THEMES.map((theme, index) => ({
      theme,
      status: index % 2 === 0 ? 'open' : 'lifted',
      action: longest(`${SCRIPTS.dari} ${theme} `, 500),
      changedOn: '2025-03-01',
    })),
  };
}

/** The records A holds for B: one file per script, an empty one, a maximal one, and what they point to. */
async function recordsSharedWithB(a: Backend, forumId: string) {
  const sectorIds = [...(await ownSectors(a)), ...SEEDED_SECTORS.map((_, index) => `00000000-0000-7000-8000-0000000000${String(index + 1).padStart(2, '0')}`)];
  expect(sectorIds).toContain(SECTOR_LOGISTICS);
  const richPartner = await maximalPartner(a);
  const sharedWith = [forumId, richPartner.id, ...(await partnersToShareWith(a, 48))];
  const volunteer = await ok(a, 'volunteers.create', { firstName: 'Bénévole', lastName: 'Locale' });
  const maximal = await ok(a, 'candidates.create', maximalCandidate({ sectorIds, partnerIds: sharedWith, referralPartnerId: richPartner.id, volunteerId: volunteer.id }));
  const empty = await ok(a, 'candidates.create', { firstName: 'X', lastName: 'Y', consentRecording: true, sharingPartnerIds: [forumId] });
  const byScript: string[] = [];
  for (const [script, text] of Object.entries(SCRIPTS)) {
    const [first = script, ...rest] = text.split(' ');
    byScript.push((await ok(a, 'candidates.create', { firstName: first, lastName: rest.join(' ') || script, consentRecording: true, sharingPartnerIds: [forumId] })).id);
  }
  // The longest event, and one with only what an event needs.
  await ok(a, 'timeline.add', {
    subjectType: 'candidate',
    subjectId: maximal.id,
    kind: 'meeting',
    occurredAt: '2026-02-01T09:30:00.000Z',
    author: longest(SCRIPTS.accents, 100),
    text: longest(`${SCRIPTS.tigrinya} ${SCRIPTS.emoji}\n`, 5000),
  });
  await ok(a, 'timeline.add', { subjectType: 'candidate', subjectId: maximal.id, kind: 'note', occurredAt: '2026-01-05' });
  await ok(a, 'timeline.add', { subjectType: 'candidate', subjectId: byScript[0] ?? '', kind: 'dropin_visit', occurredAt: '2026-01-06', text: SCRIPTS.arabic });
  return { maximal, empty, byScript, richPartner, sharedWith, sectorIds };
}

describe('round trips between two data folders', () => {
  const openBackend = useExchangeBackend();

  it('every record type arrives as it left, A to B then back from B to A, in one batch of all files shared with B', async () => {
    const { a, b, amina, forumHere, cardA, cardBatA, cardAatB } = await twoPartners(openBackend);
    const shared = await recordsSharedWithB(a, forumHere.id);
    const notShared = await ok(a, 'candidates.create', { firstName: 'Pas', lastName: 'Partagé', consentRecording: true });
    const archived = await ok(a, 'candidates.create', { firstName: 'Archivé', lastName: 'Partagé', consentRecording: true, sharingPartnerIds: [forumHere.id] });
    await ok(a, 'candidates.archive', { id: archived.id });

    // The maximal file really is at the limits (one character more is refused).
    expect([shared.maximal.firstName.length, shared.maximal.experience?.length, shared.maximal.barriers.length]).toEqual([100, 2000, BARRIER_THEMES.length]);
    expect((await a.dispatch('candidates.update', { id: shared.maximal.id, lastName: `${shared.maximal.lastName}x` })).ok).toBe(false);
    const batch = await ok(a, 'exchange.export', { scope: { kind: 'sharedWithPartner' }, to: { kind: 'partner', partnerCardId: cardBatA.id } });
    const candidateIds = [amina.id, shared.maximal.id, shared.empty.id, ...shared.byScript];
    // Of the 50 partners the files are shared with, only B's own record travels.
    expect(batch.counts).toEqual({ candidates: candidateIds.length, timelineEvents: 4, partners: 1, sectors: 20 });
    expect(batch.blocked).toEqual([{ id: archived.id, name: 'Archivé Partagé', reason: 'archived' }]);
    const { preview } = await importFile(b, batch.content);
    // The seeded sectors are the same rows everywhere: unchanged; everything else is new.
    expect(preview.counts).toEqual({ new: candidateIds.length + 4 + 1 + 10, updated: 0, unchanged: 10, conflict: 0, older: 0 });
    await expectSameRecords(a, b, { candidates: candidateIds, partners: [forumHere.id], sectors: shared.sectorIds }, { recipient: forumHere.id });
    for (const id of shared.sharedWith.filter((partner) => partner !== forumHere.id)) expect((await b.dispatch('partners.get', { id })).ok).toBe(false);
    for (const id of [notShared.id, archived.id]) expect((await b.dispatch('candidates.get', { id })).ok).toBe(false);

    // B changes every type of record and sends the file back to A, whose card it links to its own partner record.
    const lyonAtB = await ok(b, 'partners.create', { name: 'Tremplin Lyon ⵜⴰⵎⴰⵣⵉⵖⵜ', kind: 'other' });
    await ok(b, 'exchange.importCard', { content: cardA.content, partnerId: lyonAtB.id });
    const sharing = [forumHere.id, lyonAtB.id];
    const sectorsAfter = [...shared.sectorIds.slice(1)];
    await ok(b, 'candidates.update', {
      id: shared.maximal.id,
      lastName: longest(SCRIPTS.dari, 100),
      frenchLevel: 'B2',
      commune: null,
      otherNames: [],
      sectorIds: sectorsAfter,
      sharingPartnerIds: sharing,
      barriers: [{ theme: 'health', status: 'lifted', action: null, changedOn: '2026-01-10' }],
    });
    await ok(b, 'candidates.update', { id: shared.empty.id, sharingPartnerIds: [forumHere.id, lyonAtB.id], firstName: SCRIPTS.emoji });
    const event = { kind: 'call', occurredAt: '2026-03-01T08:00:00Z', author: SCRIPTS.tigrinya, text: SCRIPTS.dari } as const;
    await ok(b, 'timeline.add', { subjectType: 'candidate', subjectId: shared.empty.id, ...event });
    await ok(b, 'partners.update', { id: forumHere.id, notes: SCRIPTS.arabic, contacts: [] });
    await ok(b, 'sectors.rename', { id: shared.sectorIds[1] ?? '', name: SCRIPTS.tigrinya });
    const back = await ok(b, 'exchange.export', { scope: { kind: 'sharedWithPartner' }, to: { kind: 'partner', partnerCardId: cardAatB.id } });
    expect(back.counts.candidates).toBe(2);

    const backIds = [shared.maximal.id, shared.empty.id];
    const localLinks = await localLinksOf(a, backIds);
    const { preview: returned } = await importFile(a, back.content);
    const states = new Map(returned.items.map((item) => [item.id, item.state]));
    expect(states.get(shared.maximal.id)).toBe('updated');
    expect(states.get(shared.empty.id)).toBe('updated');
    // B's notes about itself and the consents it holds stay at B: only A's own record travels.
    expect(states.has(forumHere.id)).toBe(false);
    expect(states.get(shared.sectorIds[1] ?? '')).toBe('updated');
    expect(states.get(lyonAtB.id)).toBe('new');
    expect(returned.counts).toMatchObject({ conflict: 0, older: 0 });
    expect(localLinks.get(shared.maximal.id)?.assignedVolunteerId).not.toBeNull();
    await expectSameRecords(b, a, { candidates: backIds, partners: [lyonAtB.id], sectors: sectorsAfter }, { recipient: lyonAtB.id, localLinks });
  }, 30_000);

  it('minimisation: without notes and barriers, the rest still arrives as it left', async () => {
    const a = await openBackend();
    const b = await openBackend();
    await association(a, 'Tremplin Lyon');
    await association(b, 'Forum Réfugiés');
    const forum = await ok(a, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
    const shared = await recordsSharedWithB(a, forum.id);
    const sent = await ok(a, 'exchange.export', {
      scope: { kind: 'candidates', ids: [shared.maximal.id] },
      to: { kind: 'passphrase', partnerId: forum.id },
      includeNotes: false,
      includeBarriers: false,
    });
    expect(sent.counts).toMatchObject({ candidates: 1, timelineEvents: 0 });
    await importFile(b, sent.content, { passphrase: sent.passphrase ?? '' });
    await expectSameRecords(a, b, { candidates: [shared.maximal.id], partners: [forum.id], sectors: shared.sectorIds }, { recipient: forum.id, minimised: { notes: true, barriers: true } });
  }, 30_000);
});
