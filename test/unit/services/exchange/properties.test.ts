import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import type { CandidateFieldsInput } from '../../../../shared/candidates';
import { FRENCH_LEVELS } from '../../../../shared/candidates';
import {
  AUTHORISATION_DOCUMENTS,
  BARRIER_STATUSES,
  BARRIER_THEMES,
  CONSENT_METHODS,
  FOLLOW_UP_STATUSES,
  FRENCH_LEVEL_PROOFS,
  GENDERS,
  MOBILITIES,
  PUBLIC_CATEGORIES,
  TIMELINE_KINDS,
} from '../../../../shared/domain';
import { ERROR_CODES } from '../../../../shared/errors';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../../../shared/reference';
import { contentHash, expectTranslated, ok } from '../../../support/api';
import { budgetFor } from '../../../support/budget';
import { expectSameRecords, exportTo, importFile, keysOf, recipientOf, reseal, twoPartners, useExchangeBackend } from '../../../support/exchange';

// Each run imports a file (or tries to) into a real database: time limits sized by the runs, not the clock.
const BYTES_RUNS = 60;
const DAMAGE_RUNS = 200;
const SIGNED_DAMAGE_RUNS = 100;
const VALID_FILE_RUNS = 15;

/**
 * Properties of the import: whatever bytes arrive, the answer is a refusal the window can
 * translate (never a crash, never a half-written database); and whatever valid files leave,
 * they arrive exactly as they left.
 */

/** Refused with a known, translated error (not the generic one an unexpected exception gives). */
function expectCleanRefusal(result: Awaited<ReturnType<Backend['dispatch']>>) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(ERROR_CODES.filter((code) => code !== 'internal')).toContain(result.error.code);
  expectTranslated(result.error.message);
}

/** One way a file gets broken on its way: a changed byte, a cut, bytes added or lost, a block overwritten. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 600 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 600 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(file: Uint8Array, change: Mutation): Uint8Array {
  const at = change.at % file.length;
  switch (change.kind) {
    case 'byte': {
      const copy = Uint8Array.from(file);
      copy[at] = change.value;
      return copy;
    }
    case 'cut':
      return file.subarray(0, at);
    case 'insert':
      return Buffer.concat([file.subarray(0, at), change.bytes, file.subarray(at)]);
    case 'delete':
      return Buffer.concat([file.subarray(0, at), file.subarray(at + change.length)]);
    case 'overwrite': {
      const copy = Uint8Array.from(file);
      copy.set(change.bytes.subarray(0, file.length - at), at);
      return copy;
    }
  }
}

const SCRIPTS = ['أمينة', 'ሰላም ተስፋማርያም', 'فرشته احمدی', 'Hélène Nguyễn-Đặng', 'Zoë 🌍👩🏽‍🔧', 'Ștefan Łukasz'];

/** Text as people type it, in any script (emoji sequences included), within the field's length. */
const text = (max: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 60) }),
      fc.constantFrom(...SCRIPTS),
      fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 20 }),
    )
    .filter((value) => value.trim().length > 0 && value.length <= max);
const isoDate = (from: string, to: string) => fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const SEEDED_SECTOR_IDS = Array.from({ length: 10 }, (_, index) => `00000000-0000-7000-8000-0000000000${String(index + 1).padStart(2, '0')}`);

/** A candidate's file with any of its optional fields present or absent. */
const candidateFields = fc.record(
  {
    firstName: text(100),
    lastName: text(100),
    otherNames: fc.uniqueArray(text(100), { maxLength: 3 }),
    gender: fc.constantFrom(...GENDERS),
    birthDate: isoDate('1940-01-01', '2008-12-31'),
    nationality: fc.constantFrom(...COUNTRY_CODES),
    languages: fc.uniqueArray(fc.constantFrom(...LANGUAGE_CODES), { maxLength: 5 }),
    phone: fc.constantFrom('+33612345678', '+93701234567', '+393471234567', '+251911234567', null),
    phoneWhatsapp: fc.boolean(),
    email: fc.stringMatching(/^[a-z0-9]{1,20}@[a-z]{2,12}\.(org|fr|it)$/),
    address: text(200),
    postalCode: fc.constantFrom('69007', '75019', '13001'),
    commune: text(100),
    publicCategory: fc.constantFrom(...PUBLIC_CATEGORIES),
    status: fc.constantFrom(...FOLLOW_UP_STATUSES),
    frenchLevel: fc.constantFrom(...FRENCH_LEVELS),
    frenchLevelProof: fc.constantFrom(...FRENCH_LEVEL_PROOFS),
    frenchLevelDate: isoDate('2015-01-01', '2025-12-31'),
    authorisationDocument: fc.constantFrom(...AUTHORISATION_DOCUMENTS),
    authorisationExpiry: isoDate('2020-01-01', '2040-12-31'),
    employerMustApply: fc.boolean(),
    mobility: fc.constantFrom(...MOBILITIES),
    maxDistanceKm: fc.integer({ min: 0, max: 1000 }),
    maxTravelMinutes: fc.integer({ min: 0, max: 600 }),
    sectorIds: fc.subarray(SEEDED_SECTOR_IDS, { maxLength: 4 }),
    occupations: fc.array(fc.record({ label: text(150), romeCode: fc.constantFrom('N1103', 'K2204', null) }), { maxLength: 3 }),
    experience: text(2000),
    qualifications: fc.array(fc.record({ label: text(200), recognised: fc.boolean() }), { maxLength: 3 }),
    availability: text(500),
    availableFrom: isoDate('2024-01-01', '2030-12-31'),
    referrerContact: text(200),
    consentContact: fc.boolean(),
    consentDate: isoDate('2020-01-01', '2025-12-31'),
    consentMethod: fc.constantFrom(...CONSENT_METHODS),
    barriers: fc.uniqueArray(
      fc.record({
        theme: fc.constantFrom(...BARRIER_THEMES),
        status: fc.constantFrom(...BARRIER_STATUSES),
        action: fc.option(text(500)),
        changedOn: fc.option(isoDate('2020-01-01', '2025-12-31')),
      }),
      { selector: (barrier) => barrier.theme, maxLength: 4 },
    ),
  },
  { requiredKeys: ['firstName', 'lastName'] },
);

const timelineEvent = fc.record(
  { kind: fc.constantFrom(...TIMELINE_KINDS), occurredAt: isoDate('2020-01-01', '2026-01-01'), author: text(100), text: text(5000) },
  { requiredKeys: ['kind', 'occurredAt'] },
);

describe('the import, whatever arrives', () => {
  const openBackend = useExchangeBackend();

  it('arbitrary bytes, and arbitrary damage to a valid file, are refused cleanly or read as the same file; the database never changes', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    const file = new Uint8Array(Buffer.from(sent.content, 'base64'));
    const original = await ok(b, 'exchange.openImport', { fileName: 'f', content: sent.content });
    await ok(b, 'exchange.dropImport', { token: original.token });
    const { token: _token, ...expected } = original;
    const before = contentHash(b);

    const openBytes = async (bytes: Uint8Array) => {
      const result = await b.dispatch('exchange.openImport', { fileName: 'f', content: Buffer.from(bytes).toString('base64') });
      if (result.ok) {
        // Damage the format tolerates (the unsigned readme, padding): the very same content.
        const { token, ...preview } = result.value as typeof original;
        expect(preview).toEqual(expected);
        await ok(b, 'exchange.dropImport', { token });
      } else {
        expectCleanRefusal(result);
      }
      expect(contentHash(b)).toBe(before);
    };

    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), fc.uint8Array({ maxLength: 2048 }).map((tail) => Buffer.concat([file.subarray(0, 512), tail]))), openBytes),
      { numRuns: BYTES_RUNS },
    );
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), (changes) => openBytes(changes.reduce(mutate, file))), { numRuns: DAMAGE_RUNS });
  }, budgetFor(BYTES_RUNS + DAMAGE_RUNS, 300));

  it('damage done before the sender signed (so only the content is wrong) is refused cleanly or read; the database never changes', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openBackend);
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    const keys = keysOf(a, 'Tremplin Lyon');
    const before = contentHash(b);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (changes) => {
        const content = await reseal(keys, sent.content, [recipientOf(b)], (payload) => changes.reduce(mutate, new TextEncoder().encode(JSON.stringify(payload))));
        const result = await b.dispatch('exchange.openImport', { fileName: 'f', content });
        if (result.ok) await ok(b, 'exchange.dropImport', { token: (result.value as { token: string }).token });
        else expectCleanRefusal(result);
        expect(contentHash(b)).toBe(before);
      }),
      { numRuns: SIGNED_DAMAGE_RUNS },
    );
  }, budgetFor(SIGNED_DAMAGE_RUNS, 300));

  it('arbitrary valid files — any script, optional fields present or absent — arrive exactly as they left', async () => {
    const { a, b, forumHere, cardBatA } = await twoPartners(openBackend);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(candidateFields, fc.array(timelineEvent, { maxLength: 2 })), { minLength: 1, maxLength: 3 }), async (files) => {
        const ids: string[] = [];
        for (const [fields, events] of files) {
          const input: CandidateFieldsInput = { ...fields, consentRecording: true, sharingPartnerIds: [forumHere.id] };
          const created = await ok(a, 'candidates.create', input);
          for (const event of events) await ok(a, 'timeline.add', { subjectType: 'candidate', subjectId: created.id, ...event });
          ids.push(created.id);
        }
        const sent = await exportTo(a, cardBatA.id, ids);
        const { preview } = await importFile(b, sent.content);
        expect(preview.counts.conflict + preview.counts.older).toBe(0);
        // (The partner's own fields are compared in roundtrip.test.ts; here its referral count differs: A referred files B never got.)
        await expectSameRecords(a, b, { candidates: ids, partners: [forumHere.id], sectors: SEEDED_SECTOR_IDS }, { recipient: forumHere.id });
      }),
      { numRuns: VALID_FILE_RUNS },
    );
  }, budgetFor(VALID_FILE_RUNS, 4_000));
});
