import { type CandidateFields, candidateConsistencyErrors, candidateFieldsSchema } from '../../../shared/candidates';
import { type AuthorisationDocument, GENDERS, type Gender, PUBLIC_CATEGORIES, type PublicCategory } from '../../../shared/domain';
import { COUNTRY_CODES } from '../../../shared/reference';
import type { CellNote } from '../../../shared/sheets';
import type { CandidateColumn } from '../../../shared/sheet-table';
import { type Cell, type CellRead, cellText, readAuthorisationDocument, readDate, readFrenchLevel, readPhone } from '../../../shared/sheet-values';
import { fieldErrors, parseOptions } from '../../../shared/validation';

/**
 * One spreadsheet row made into a candidate's fields: each mapped cell read with the reader
 * of its kind, the result checked by the same schema and consistency rules as the form. What
 * cannot be read in a column that matters (names, dates, phone, level, document) is an error
 * for that cell; what is only a detail (a nationality written as an adjective) is a warning and
 * left empty.
 */

export interface RowContext {
  todayYear: number;
  /** Partners and sectors by folded name. */
  partners: Map<string, string>;
  sectors: Map<string, string>;
  /** The person's own reading of each residence document written in the file (folded text -> value). */
  documents: Map<string, AuthorisationDocument | null>;
}

export interface ConvertedRow {
  fields: CandidateFields | null;
  name: string;
  errors: CellNote[];
  warnings: CellNote[];
  /** Names the row refers to that Tremplin does not know yet. */
  missingPartner: string | null;
  missingSector: string | null;
  /** Free text the file holds that has no field: kept as a note on the new file. */
  note: string | null;
}

/**
 * Texts already folded: a column's cells repeat (a file of 10,000 rows writes its residence
 * documents, genders and sectors a few ways), and each is folded two or three times on its way
 * (the documents' list, the row, the duplicates within the file). Emptied when full.
 */
const FOLDED_KEPT = 20_000;
const foldedTexts = new Map<string, string>();

export function folded(text: string): string {
  const known = foldedTexts.get(text);
  if (known !== undefined) return known;
  const result = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (foldedTexts.size >= FOLDED_KEPT) foldedTexts.clear();
  foldedTexts.set(text, result);
  return result;
}

const GENDER_WORDS: Record<string, Gender> = {
  f: 'female', femme: 'female', feminin: 'female', mme: 'female', madame: 'female', mlle: 'female', female: 'female', woman: 'female', w: 'female', donna: 'female', femmina: 'female', 'sig ra': 'female', signora: 'female',
  h: 'male', m: 'male', homme: 'male', masculin: 'male', monsieur: 'male', mr: 'male', male: 'male', man: 'male', uomo: 'male', maschio: 'male', sig: 'male', signore: 'male',
};

const CATEGORY_WORDS: readonly (readonly [RegExp, PublicCategory])[] = [
  [/asile|asylum|asilo|\bda\b|\bdda\b/, 'asylum_seeker'],
  [/subsidiaire|subsidiary|sussidiaria|\bbps\b/, 'subsidiary_protection'],
  [/temporaire|temporary|temporanea|\bbpt\b/, 'temporary_protection'],
  [/refugi|refugee|rifugiat|\bbpi\b/, 'refugee'],
  [/\bb?rsa\b|revenu de solidarite|minimum income/, 'rsa'],
  [/titre|permit|permesso|sejour/, 'other_permit'],
];

/** Country names in the three languages (from the platform's ICU), and the ISO codes themselves. */
let countryIndex: Map<string, string> | null = null;
function countryCode(text: string): string | null {
  if (!countryIndex) {
    countryIndex = new Map();
    for (const language of ['fr', 'en', 'it']) {
      const names = new Intl.DisplayNames([language], { type: 'region' });
      for (const code of COUNTRY_CODES) countryIndex.set(folded(names.of(code) ?? code), code);
    }
    for (const code of COUNTRY_CODES) countryIndex.set(code.toLowerCase(), code);
  }
  return countryIndex.get(folded(text)) ?? null;
}

/**
 * "DIALLO Aminata" or "Aminata DIALLO": the words in capitals are the family name, as French
 * lists write it; without capitals, the first word is (lists are sorted by family name).
 */
export function splitFullName(text: string): { firstName: string; lastName: string } {
  const words = text.split(' ').filter((word) => word !== '');
  const capitals = words.filter((word) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase());
  if (capitals.length > 0 && capitals.length < words.length) {
    return { lastName: capitals.join(' '), firstName: words.filter((word) => !capitals.includes(word)).join(' ') };
  }
  return { lastName: words[0] ?? '', firstName: words.slice(1).join(' ') };
}

/** "02/12/2026" written as people write names: "DIALLO" becomes "Diallo", "aminata" "Aminata"; mixed case stays as typed. */
export function nameCase(text: string): string {
  if (text !== text.toUpperCase() && text !== text.toLowerCase()) return text;
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}

/** Columns read as free text (the others go through a reader that refuses a formula by itself). */
const TEXT_TARGETS = new Set<CandidateColumn>(['lastName', 'firstName', 'fullName', 'address', 'commune', 'experience', 'availability', 'occupation', 'notes', 'referralPartner', 'sector']);

export function convertRow(cells: readonly Cell[], mapping: readonly (CandidateColumn | null)[], context: RowContext): ConvertedRow {
  const errors: CellNote[] = [];
  const warnings: CellNote[] = [];
  const fields: Record<string, unknown> = {};
  const columnOf = new Map<string, number>();
  let missingPartner: string | null = null;
  let missingSector: string | null = null;
  const notes: string[] = [];

  const take = <T>(column: number, read: CellRead<T>, onValue: (value: T) => void, blocking = true) => {
    if (read.kind === 'value') onValue(read.value);
    else if (read.kind === 'error') (blocking ? errors : warnings).push({ column, message: read.message });
  };

  mapping.forEach((target, column) => {
    if (target === null) return;
    const cell = cells[column];
    const text = cellText(cell);
    // Text a spreadsheet would run as a formula: kept as typed, flagged, and made inert in every export.
    if (TEXT_TARGETS.has(target) && /^[=+\-@]/.test(text)) warnings.push({ column, message: 'sheets.errors.formula' });
    switch (target) {
      case 'lastName':
      case 'firstName':
        if (text !== '') fields[target] = nameCase(text);
        columnOf.set(target, column);
        break;
      case 'fullName':
        if (text !== '') {
          const split = splitFullName(text);
          fields.lastName ??= nameCase(split.lastName);
          fields.firstName ??= nameCase(split.firstName);
        }
        columnOf.set('firstName', column);
        columnOf.set('lastName', column);
        break;
      case 'gender': {
        if (text === '') break;
        const gender = GENDER_WORDS[folded(text)];
        if (gender && GENDERS.includes(gender)) fields.gender = gender;
        else warnings.push({ column, message: 'sheets.errors.gender' });
        break;
      }
      case 'birthDate':
      case 'authorisationExpiry':
      case 'referredOn':
        take(column, readDate(cell, context.todayYear), (date) => {
          fields[target] = date;
        });
        columnOf.set(target, column);
        break;
      case 'nationality': {
        if (text === '') break;
        const code = countryCode(text);
        if (code) fields.nationality = code;
        else warnings.push({ column, message: 'sheets.errors.nationality' });
        break;
      }
      case 'phone':
      case 'secondPhone':
        take(column, readPhone(cell), (phone) => {
          fields[target] = phone;
        });
        columnOf.set(target, column);
        break;
      case 'email':
        if (text !== '') fields.email = text;
        columnOf.set('email', column);
        break;
      case 'postalCode':
        // Excel turns "01000" into 1000: a French postal code has five digits.
        if (text !== '') fields.postalCode = /^\d{4}$/.test(text) ? `0${text}` : text;
        columnOf.set('postalCode', column);
        break;
      case 'address':
      case 'commune':
      case 'experience':
      case 'availability':
        if (text !== '') fields[target] = text;
        columnOf.set(target, column);
        break;
      case 'publicCategory': {
        if (text === '') break;
        const category = CATEGORY_WORDS.find(([words]) => words.test(folded(text)))?.[1];
        if (category && PUBLIC_CATEGORIES.includes(category)) fields.publicCategory = category;
        else warnings.push({ column, message: 'sheets.errors.publicCategory' });
        break;
      }
      case 'frenchLevel':
        take(column, readFrenchLevel(cell), ({ level, proof }) => {
          fields.frenchLevel = level;
          if (proof) fields.frenchLevelProof = proof;
        });
        columnOf.set('frenchLevel', column);
        break;
      case 'authorisationDocument': {
        if (text === '') break;
        const chosen = context.documents.get(folded(text));
        if (chosen !== undefined) {
          if (chosen !== null) fields.authorisationDocument = chosen;
        } else {
          take(column, readAuthorisationDocument(cell), (document) => {
            fields.authorisationDocument = document;
          });
        }
        columnOf.set('authorisationDocument', column);
        break;
      }
      case 'referralPartner': {
        if (text === '') break;
        const id = context.partners.get(folded(text));
        if (id) fields.referralPartnerId = id;
        else missingPartner = text;
        break;
      }
      case 'sector': {
        if (text === '') break;
        const id = context.sectors.get(folded(text));
        if (id) fields.sectorIds = [id];
        else missingSector = text;
        break;
      }
      case 'occupation':
        if (text !== '') fields.occupations = [{ label: text.slice(0, 150), romeCode: null }];
        break;
      case 'notes':
        if (text !== '') notes.push(text);
        break;
    }
  });

  const name = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  if (fields.lastName === undefined && fields.firstName === undefined && errors.length === 0) {
    return { fields: null, name, errors: [{ column: -1, message: 'sheets.errors.noName' }], warnings, missingPartner, missingSector, note: null };
  }
  const parsed = candidateFieldsSchema.safeParse(fields, parseOptions);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(fieldErrors(parsed.error))) {
      errors.push({ column: columnOf.get(path.split('.')[0] as string) ?? -1, message });
    }
  } else {
    const consistency = candidateConsistencyErrors({
      authorisationStart: null,
      authorisationExpiry: parsed.data.authorisationExpiry ?? null,
      consentDate: null,
      consentWithdrawnOn: null,
      birthDate: parsed.data.birthDate ?? null,
      asylumRegisteredOn: null,
    });
    for (const [path, message] of Object.entries(consistency)) errors.push({ column: columnOf.get(path) ?? -1, message });
  }
  const ok = parsed.success && errors.length === 0;
  return {
    fields: ok ? parsed.data : null,
    name,
    errors,
    warnings,
    missingPartner,
    missingSector,
    note: notes.length > 0 ? notes.join('\n').slice(0, 2000) : null,
  };
}
