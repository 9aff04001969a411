import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { FRENCH_LEVELS } from '../../../shared/candidates';
import { CONTRACT_TYPES, PARTNER_KINDS } from '../../../shared/domain';
import {
  readAuthorisationDocument,
  readContractType,
  readCount,
  readDate,
  readFrenchLevel,
  readHours,
  readPartnerKind,
  readPhone,
  readSiret,
} from '../../../shared/sheet-values';
import { isValidSiret } from '../../../shared/validation';

const readValue = <T>(read: { kind: string; value?: T }) => (read.kind === 'value' ? read.value : read.kind);

/** Any real calendar day from 1900-03-01 to 2199-12-31, as y/m/d. */
const day = fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => ({
  iso: date.toISOString().slice(0, 10),
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
}));
const pad = (value: number) => String(value).padStart(2, '0');

describe('readDate', () => {
  test.prop([day, fc.constantFrom('/', '.', '-'), fc.boolean()])('reads any day written day first, padded or not', (date, separator, padded) => {
    const two = padded ? pad : String;
    expect(readValue(readDate(`${two(date.day)}${separator}${two(date.month)}${separator}${date.year}`))).toBe(date.iso);
  });

  test.prop([day])('reads ISO dates and Excel serial numbers of the same day', (date) => {
    expect(readValue(readDate(date.iso))).toBe(date.iso);
    const serial = Math.round((Date.parse(date.iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(readValue(readDate(serial))).toBe(date.iso);
    expect(readValue(readDate(new Date(`${date.iso}T00:00:00Z`)))).toBe(date.iso);
  });

  test.prop([fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 })])(
    'puts a two-digit year at most ten years ahead of today',
    (year, dayOfMonth, month) => {
      const read = readValue(readDate(`${dayOfMonth}/${month}/${pad(year)}`, 2026)) as string;
      const full = Number(read.slice(0, 4));
      expect(full % 100).toBe(year);
      expect(full).toBeGreaterThan(2036 - 100);
      expect(full).toBeLessThanOrEqual(2036);
    },
  );

  test.prop([fc.string({ maxLength: 30 })])('never throws, and reads nothing it cannot make a real day of', (text) => {
    const read = readDate(text);
    if (read.kind === 'value') expect(read.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes day first, always, and refuses days that do not exist', () => {
    expect(readValue(readDate('02/12/2026'))).toBe('2026-12-02');
    expect(readValue(readDate('2/3/98', 2026))).toBe('1998-03-02');
    expect(readValue(readDate('31/12/30', 2026))).toBe('2030-12-31');
    expect(readValue(readDate('12/31/2026'))).toBe('error');
    expect(readValue(readDate('29/02/2025'))).toBe('error');
    expect(readValue(readDate('29/02/2024'))).toBe('2024-02-29');
    expect(readValue(readDate('2026-12-02T10:30:00Z'))).toBe('2026-12-02');
    expect(readValue(readDate('46358'))).toBe('2026-12-02');
    expect(readValue(readDate(60))).toBe('error');
    expect(readValue(readDate(45000.5))).toBe('error');
    expect(readValue(readDate('  '))).toBe('empty');
    expect(readValue(readDate('demain'))).toBe('error');
  });
});

describe('readPhone', () => {
  const mobile = fc.tuple(fc.constantFrom('6', '7'), fc.stringMatching(/^\d{8}$/)).map(([first, rest]) => `${first}${rest}`);

  test.prop([mobile, fc.constantFrom(' ', '.', '-', '')])('reads a French mobile in every usual notation, and without the zero Excel dropped', (nine, separator) => {
    const expected = `+33${nine}`;
    const pairs = `0${nine}`.match(/../g) as string[];
    expect(readValue(readPhone(pairs.join(separator)))).toBe(expected);
    expect(readValue(readPhone(Number(nine)))).toBe(expected);
    expect(readValue(readPhone(nine))).toBe(expected);
    expect(readValue(readPhone(`+33 ${nine}`))).toBe(expected);
    expect(readValue(readPhone(`0033${nine}`))).toBe(expected);
  });

  test.prop([fc.oneof(fc.string({ maxLength: 25 }), fc.double())])('never throws, and gives E.164 or an error', (cell) => {
    const read = readPhone(cell);
    if (read.kind === 'value') expect(read.value).toMatch(/^\+\d{8,15}$/);
  });

  it('keeps foreign numbers typed with their prefix and refuses what is not a number', () => {
    expect(readValue(readPhone('+39 347 123 4567'))).toBe('+393471234567');
    expect(readValue(readPhone('01 42 34 56 78'))).toBe('+33142345678');
    expect(readValue(readPhone('pas de tél'))).toBe('error');
    expect(readValue(readPhone(-612345678))).toBe('error');
    expect(readValue(readPhone(''))).toBe('empty');
  });
});

describe('readSiret', () => {
  /** A valid SIRET from 13 digits: the 14th makes the Luhn sum a multiple of 10. */
  const siret = fc.stringMatching(/^[1-9]\d{12}$/).map((base) => {
    for (let last = 0; last <= 9; last++) if (isValidSiret(`${base}${last}`)) return `${base}${last}`;
    throw new Error('no check digit');
  });

  test.prop([siret, fc.constantFrom(' ', '.', '')])('reads a valid SIRET however it is spaced', (value, separator) => {
    const spaced = `${value.slice(0, 3)}${separator}${value.slice(3, 6)}${separator}${value.slice(6, 9)}${separator}${value.slice(9)}`;
    expect(readValue(readSiret(spaced))).toBe(value);
    expect(readValue(readSiret(Number(value)))).toBe(value);
  });

  test.prop([siret, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 })])('refuses a SIRET with one digit changed', (value, position, shift) => {
    const digit = (Number(value[position]) + shift) % 10;
    const changed = `${value.slice(0, position)}${digit}${value.slice(position + 1)}`;
    expect(readValue(readSiret(changed))).toBe('error');
  });

  it('says why a SIRET is refused', () => {
    expect(readSiret('1234')).toEqual({ kind: 'error', message: 'sheets.errors.siretLength' });
    expect(readSiret('73282932000075')).toEqual({ kind: 'error', message: 'sheets.errors.siretCheck' });
    expect(readValue(readSiret('732 829 320 00074'))).toBe('73282932000074');
  });
});

describe('readFrenchLevel', () => {
  const cefr = fc.constantFrom(...FRENCH_LEVELS.filter((level) => /^[ABC][12]$/.test(level)));

  test.prop([cefr, fc.constantFrom('', ' (DELF)', ' oral', ' écrit', '.1', ' TCF', ' acquis')])('reads a CEFR level with what people write around it', (level, around) => {
    const read = readFrenchLevel(`${level.toLowerCase()}${around}`);
    expect(read.kind).toBe('value');
    if (read.kind === 'value') expect(read.value.level).toBe(level);
  });

  test.prop([cefr, cefr])('keeps the lower of two levels', (first, second) => {
    const read = readFrenchLevel(`${first} oral / ${second} écrit`);
    const lower = FRENCH_LEVELS.indexOf(first) < FRENCH_LEVELS.indexOf(second) ? first : second;
    expect(read.kind === 'value' && read.value.level).toBe(lower);
  });

  test.prop([fc.string({ maxLength: 40 })])('never throws', (text) => {
    expect(['value', 'empty', 'error']).toContain(readFrenchLevel(text).kind);
  });

  it('reads words in three languages and the certificate named', () => {
    expect(readValue(readFrenchLevel('B1 (DELF)'))).toEqual({ level: 'B1', proof: 'delf' });
    expect(readValue(readFrenchLevel('A2 oral'))).toEqual({ level: 'A2', proof: null });
    expect(readValue(readFrenchLevel('Débutant'))).toEqual({ level: 'below_a1', proof: null });
    expect(readValue(readFrenchLevel('?'))).toEqual({ level: 'not_assessed', proof: null });
    expect(readValue(readFrenchLevel('intermédiaire'))).toEqual({ level: 'B1', proof: null });
    expect(readValue(readFrenchLevel('principiante'))).toEqual({ level: 'below_a1', proof: null });
    expect(readValue(readFrenchLevel('langue maternelle'))).toEqual({ level: 'C2', proof: null });
    expect(readValue(readFrenchLevel('bonne volonté'))).toBe('error');
  });
});

describe('readAuthorisationDocument', () => {
  it('maps the documents as French associations name them', () => {
    const cases: [string, string][] = [
      ['Récépissé', 'protection_receipt'],
      ['carte de résident', 'refugee_resident_card'],
      ['APS', 'other_residence_permit'],
      ['Attestation de demande d’asile', 'asylum_certificate'],
      ['demandeur d asile', 'asylum_certificate'],
      ['Titre de séjour pluriannuel', 'other_residence_permit'],
      ['Protection temporaire (Ukraine)', 'temporary_protection'],
      ['carte protection subsidiaire', 'subsidiary_protection_card'],
      ['ressortissant UE', 'eu_citizen'],
      ['sans papiers', 'none'],
      ['permesso di soggiorno', 'other_residence_permit'],
    ];
    for (const [cell, document] of cases) expect([cell, readValue(readAuthorisationDocument(cell))]).toEqual([cell, document]);
    expect(readValue(readAuthorisationDocument('passeport'))).toBe('error');
  });
});

describe('readContractType', () => {
  it('reads contracts as French, English and Italian lists write them', () => {
    const read = (text: string) => readContractType(text);
    expect(['CDI', 'cdi temps plein', 'Permanent', 'indeterminato'].map((text) => read(text))).toEqual(Array(4).fill({ kind: 'value', value: 'cdi' }));
    expect(read('CDD 6 mois')).toEqual({ kind: 'value', value: 'cdd' });
    expect(read('CDDI')).toEqual({ kind: 'value', value: 'cddi' });
    expect(read('Intérim')).toEqual({ kind: 'value', value: 'temporary' });
    expect(read('alternance')).toEqual({ kind: 'value', value: 'apprenticeship' });
    expect(read('contrat de professionnalisation')).toEqual({ kind: 'value', value: 'professionalisation' });
    expect(read('')).toEqual({ kind: 'empty' });
    expect(read('mi-temps')).toEqual({ kind: 'error', message: 'sheets.errors.contractType' });
  });

  test.prop([fc.string({ maxLength: 40 })])('gives a contract type, empty or an error, never anything else', (text) => {
    const read = readContractType(text);
    if (read.kind === 'value') expect(CONTRACT_TYPES).toContain(read.value);
  });
});

describe('readPartnerKind', () => {
  it('reads structures as associations name them', () => {
    expect(readPartnerKind('CADA')).toEqual({ kind: 'value', value: 'asylum_housing' });
    expect(readPartnerKind('SPADA')).toEqual({ kind: 'value', value: 'reception_centre' });
    expect(readPartnerKind('CCAS de Lyon')).toEqual({ kind: 'value', value: 'social_service' });
    expect(readPartnerKind('SIAE')).toEqual({ kind: 'value', value: 'integration_enterprise' });
    expect(readPartnerKind('Associazione')).toEqual({ kind: 'value', value: 'other' });
    expect(readPartnerKind('Tiers-lieu')).toEqual({ kind: 'error', message: 'sheets.errors.partnerKind' });
  });

  test.prop([fc.string({ maxLength: 40 })])('gives a partner kind, empty or an error', (text) => {
    const read = readPartnerKind(text);
    if (read.kind === 'value') expect(PARTNER_KINDS).toContain(read.value);
  });
});

describe('readCount and readHours', () => {
  it('read places and weekly hours as typed, refusing what is not one', () => {
    expect(readCount(3)).toEqual({ kind: 'value', value: 3 });
    expect(readCount('2 postes')).toEqual({ kind: 'value', value: 2 });
    expect(readCount('0')).toEqual({ kind: 'error', message: 'sheets.errors.count' });
    expect(readCount(1.5)).toEqual({ kind: 'error', message: 'sheets.errors.count' });
    expect(readCount('beaucoup')).toEqual({ kind: 'error', message: 'sheets.errors.count' });
    expect(readHours('17,5')).toEqual({ kind: 'value', value: 17.5 });
    expect(readHours('35 h/semaine')).toEqual({ kind: 'value', value: 35 });
    expect(readHours(24)).toEqual({ kind: 'value', value: 24 });
    expect(readHours('temps plein')).toEqual({ kind: 'error', message: 'sheets.errors.hours' });
  });

  test.prop([fc.integer({ min: 1, max: 9999 })])('a whole number of places typed as text is that number', (count) => {
    expect(readCount(String(count))).toEqual({ kind: 'value', value: count });
  });
});
