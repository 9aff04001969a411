import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type LocalRecords, type Payload, PayloadError, parsePayload, payloadParts } from '../../../electron/formats/payload';

const none: LocalRecords = { sectors: new Set(), partners: new Set(), candidates: new Set(), seededSectors: new Map(), contactOwners: new Map() };
const ID = (n: number) => `01930000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-11-01T10:00:00.000Z';

function payload(overrides: Record<string, unknown> = {}, records: Record<string, unknown[]> = {}) {
  return {
    format: 'tremplin-export',
    schemaVersion: 1,
    manifest: {
      exportId: ID(1),
      sender: {
        associationId: ID(2),
        name: 'Tremplin Lyon',
        siret: null,
        ageRecipient: `age1${'q'.repeat(58)}`,
        signingPublicKey: `RW${'A'.repeat(54)}`,
      },
      recipients: [{ kind: 'passphrase', partnerName: null }],
      sequence: 1,
      createdAt: AT,
      counts: {},
      leftOut: [],
    },
    records: { candidates: [], timelineEvents: [], partners: [], sectors: [], ...records },
    deletions: [],
    ...overrides,
  };
}

const candidate = (n: number, extra: Record<string, unknown> = {}) => ({
  id: ID(n),
  origin: ID(2),
  createdAt: AT,
  updatedAt: AT,
  firstName: 'Amina',
  lastName: 'Diallo',
  otherNames: [],
  gender: null,
  birthDate: null,
  nationality: null,
  languages: [],
  phone: null,
  phoneWhatsapp: false,
  secondPhone: null,
  email: null,
  address: null,
  postalCode: null,
  commune: null,
  publicCategory: null,
  status: 'new',
  frenchLevel: 'not_assessed',
  frenchLevelProof: null,
  frenchLevelDate: null,
  authorisationDocument: null,
  authorisationStart: null,
  authorisationExpiry: null,
  employerMustApply: false,
  asylumRegisteredOn: null,
  mobility: null,
  maxDistanceKm: null,
  maxTravelMinutes: null,
  sectorIds: [],
  occupations: [],
  experience: null,
  qualifications: [],
  availability: null,
  availableFrom: null,
  referralPartnerId: null,
  referrerContact: null,
  referredOn: null,
  consentRecording: true,
  consentContact: false,
  consentDate: null,
  consentMethod: null,
  consentWithdrawnOn: null,
  sharingPartnerIds: [],
  barriers: [],
  ...extra,
});

function reasonOf(value: unknown): string {
  try {
    parsePayload(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)), none);
  } catch (error) {
    if (error instanceof PayloadError) return error.reason;
    throw error;
  }
  return 'parsed';
}

describe('export content', () => {
  it('reads a valid file, and names what is wrong in others', () => {
    expect(reasonOf(payload({}, { candidates: [candidate(10)] }))).toBe('parsed');
    expect(reasonOf(payload({ schemaVersion: 2 }))).toBe('newer_version');
    expect(reasonOf(payload({ format: 'something-else' }))).toBe('not_an_export');
    expect(reasonOf('{"format": "tremplin-export", "schemaVersion": 1')).toBe('not_an_export');
    expect(reasonOf(payload({}, { candidates: [candidate(10), candidate(10)] }))).toBe('duplicate_records');
    expect(reasonOf(payload({}, { candidates: [candidate(10, { birthDate: '2026-02-31' })] }))).toBe('invalid_records');
    expect(reasonOf(payload({}, { candidates: [candidate(10, { nir: '1 84 12 75 123 456 78' })] }))).toBe('invalid_records');
    expect(reasonOf(payload({}, { candidates: [candidate(10, { sectorIds: [ID(99)] })] }))).toBe('dangling_reference');
  });

  test.prop([fc.jsonValue()])('arbitrary JSON is refused with a reason, never crashes', (value) => {
    expect(['not_an_export', 'newer_version', 'invalid_records']).toContain(reasonOf(value));
  });

  test.prop([fc.array(fc.record({ firstName: fc.string({ maxLength: 120 }), lastName: fc.string({ maxLength: 120 }), birthDate: fc.string({ maxLength: 12 }) }), { maxLength: 5 })])(
    'records with arbitrary text are either valid files or refused as invalid, never written half',
    (people) => {
      const reason = reasonOf(payload({}, { candidates: people.map((person, index) => candidate(100 + index, person)) }));
      expect(['parsed', 'invalid_records']).toContain(reason);
    },
  );
});

describe('payload parts with the candidates and events given as JSON', () => {
  const event = (n: number, text: string) => ({ id: ID(100 + n), text, kind: 'note' });

  test.prop([fc.array(fc.array(fc.string(), { maxLength: 4 }), { maxLength: 4 }), fc.array(fc.array(fc.string(), { maxLength: 3 }), { maxLength: 3 })])(
    'parse to the payload with every record of every array, in order, whatever the text',
    (batches, nameBatches) => {
      let n = 0;
      const arrays = batches.map((texts) => texts.map((text) => event(n++, text)));
      const files = nameBatches.map((names) => names.map((name) => candidate(n++, { firstName: name })));
      const base = payload() as unknown as Payload;
      const utf8 = (array: unknown[]) => Buffer.from(JSON.stringify(array));
      const bytes = Buffer.concat(payloadParts(base, { candidates: files.map(utf8), timelineEvents: arrays.map(utf8) }));
      expect(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))).toEqual({
        ...base,
        records: { ...base.records, candidates: files.flat(), timelineEvents: arrays.flat() },
      });
    },
  );

  it('refuses records given both ways', () => {
    const withEvent = payload({}, { timelineEvents: [event(1, 'x')] }) as unknown as Payload;
    expect(() => payloadParts(withEvent, { candidates: [], timelineEvents: [] })).toThrow();
    const withFile = payload({}, { candidates: [candidate(3, {})] }) as unknown as Payload;
    expect(() => payloadParts(withFile, { candidates: [], timelineEvents: [] })).toThrow();
  });

  it('refuses a part that is not a JSON array written without spaces around it', () => {
    const base = payload() as unknown as Payload;
    for (const part of [' []', '{}', '', '[1] ']) expect(() => payloadParts(base, { candidates: [Buffer.from(part)], timelineEvents: [] })).toThrow();
  });
});
