import { FRENCH_LEVELS, type FrenchLevel } from './candidates';
import type { AuthorisationDocument, ContractType, FrenchLevelProof, PartnerKind } from './domain';
import { isValidIsoDate, isValidSiret, normalisePhone } from './validation';

/**
 * Readers for the cells of an association's own spreadsheets: values as people type them in
 * Excel or LibreOffice (and as Excel turns them into numbers), made into Tremplin's values. A
 * reader never guesses silently: what it cannot read is an error (a translation key naming why),
 * and an empty cell is `empty`, for the column's own rule (required or not) to judge.
 */
export type CellRead<T> = { kind: 'value'; value: T } | { kind: 'empty' } | { kind: 'error'; message: string };

/** A cell as the file readers hand it over: text, a number (Excel stores dates and phone numbers so), a date, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

const EMPTY = { kind: 'empty' } as const;

function value<T>(read: T): CellRead<T> {
  return { kind: 'value', value: read };
}

function error(message: string): CellRead<never> {
  return { kind: 'error', message };
}

/** The text of a cell as a person sees it: trimmed, inner runs of spaces (and Excel's no-break spaces) made one. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/**
 * Day 0 of Excel's 1900 date system is 1899-12-30 for every serial after 60: Excel counts a
 * 29 February 1900 that never was (a Lotus 1-2-3 bug it kept), so serials 1–59 are one day later
 * than this origin gives, and 60 is no date at all.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials Excel shows as dates from 1 March 1900 to 31 December 2199: anything else is not a date typed by a person. */
const EXCEL_SERIAL_RANGE = [61, 109_574] as const;

function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * A two-digit year is read in the century that puts it at most 10 years ahead of `today`'s
 * year: "15/03/98" is 1998, "15/03/30" is 2030 in 2026 (an end of permit), "15/03/40" is 1940.
 */
function fullYear(twoDigits: number, todayYear: number): number {
  const century = Math.floor(todayYear / 100) * 100;
  const year = century + twoDigits;
  return year > todayYear + 10 ? year - 100 : year;
}

/**
 * A date typed as French associations type them: dd/mm/yyyy, d/m/yy, dd.mm.yyyy, dd-mm-yyyy,
 * ISO (yyyy-mm-dd, with or without a time), or an Excel date cell (a serial number, or a date the
 * file reader already made). Day first, always: a French file never means mm/dd.
 */
export function readDate(cell: Cell, todayYear = new Date().getFullYear()): CellRead<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return error('sheets.errors.date');
    return value(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < EXCEL_SERIAL_RANGE[0] || cell > EXCEL_SERIAL_RANGE[1]) return error('sheets.errors.date');
    return value(new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  if (text === '') return EMPTY;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (iso) return dateOrError(isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])));
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (dayFirst) {
    const yearText = dayFirst[3] as string;
    const year = yearText.length === 2 ? fullYear(Number(yearText), todayYear) : Number(yearText);
    return dateOrError(isoOf(year, Number(dayFirst[2]), Number(dayFirst[1])));
  }
  // A serial number kept as text (a CSV saved from a sheet whose cell was not formatted as a date).
  if (/^\d{5}$/.test(text)) return readDate(Number(text), todayYear);
  return error('sheets.errors.date');
}

function dateOrError(iso: string | null): CellRead<string> {
  return iso === null ? error('sheets.errors.date') : value(iso);
}

/**
 * A phone number in any usual notation (06 12 34 56 78, 06.12.34.56.78, +33 6…, 0033 6…), and
 * the French mobile or landline whose leading zero Excel dropped when it stored it as a number
 * (612345678): made E.164 as the forms store it.
 */
export function readPhone(cell: Cell): CellRead<string> {
  if (typeof cell === 'number' && !(Number.isSafeInteger(cell) && cell > 0)) return error('sheets.errors.phone');
  const text = cellText(cell);
  if (text === '') return EMPTY;
  const digits = text.replace(/[\s.\-/()]/g, '');
  // Nine digits starting 1–7 or 9 are a French number without its zero (Excel's doing).
  const restored = /^[1-79]\d{8}$/.test(digits) ? `0${digits}` : digits;
  const phone = normalisePhone(restored);
  return phone === null ? error('sheets.errors.phone') : value(phone);
}

/** A SIRET typed with spaces or dots, checked (14 digits and the Luhn sum). */
export function readSiret(cell: Cell): CellRead<string> {
  const text = typeof cell === 'number' && Number.isSafeInteger(cell) ? String(cell).padStart(14, '0') : cellText(cell);
  if (text === '') return EMPTY;
  const digits = text.replace(/[\s.-]/g, '');
  if (!/^\d{14}$/.test(digits)) return error('sheets.errors.siretLength');
  return isValidSiret(digits) ? value(digits) : error('sheets.errors.siretCheck');
}

export interface FrenchLevelRead {
  level: FrenchLevel;
  /** The certificate the cell names (DELF, TCF), when it names one. */
  proof: FrenchLevelProof | null;
}

/** Words people write for a level, in the three languages; compared without accents or case. */
const LEVEL_WORDS: readonly (readonly [RegExp, FrenchLevel])[] = [
  [/^(\?+|nsp|ne sait pas|non evalue|a evaluer|inconnu|not assessed|unknown|n\/?a|non valutato|da valutare)$/, 'not_assessed'],
  [/\b(aucun|nul|zero|0|debutant|grand debutant|none|beginner|nessuno|principiante|alpha|fle alpha|analphabete)\b/, 'below_a1'],
  [/\b(elementaire|elementary|elementare|faible|basic|base|notions)\b/, 'A1'],
  [/\b(moyen|average|medio)\b/, 'A2'],
  [/\b(intermediaire|independant|intermediate|intermedio)\b/, 'B1'],
  [/\b(courant|fluent|fluente)\b/, 'B2'],
  [/\b(avance|experimente|advanced|avanzato)\b/, 'C1'],
  [/\b(bilingue|bilingual|natif|native|langue maternelle|madrelingua)\b/, 'C2'],
];

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * A French level as people write it: "B1", "B1 (DELF)", "A2 oral", "a1.1", "débutant",
 * "intermédiaire", "?" (not assessed). A word covering two levels (CEFR's "élémentaire" is A1–A2)
 * and a cell naming two ("A2/B1", "A2 oral B1 écrit") give the lower one: an employer must not
 * be told more than the person has shown.
 */
export function readFrenchLevel(cell: Cell): CellRead<FrenchLevelRead> {
  const text = folded(cellText(cell));
  if (text === '') return EMPTY;
  const proof: FrenchLevelProof | null = /\bdelf\b|\bdalf\b/.test(text) ? 'delf' : /\btcf\b/.test(text) ? 'tcf' : null;
  const cefr = [...text.matchAll(/(?:^|[^a-z])([abc])\s?([12])(?:\.\d)?(?![0-9])/g)].map((match) => `${(match[1] as string).toUpperCase()}${match[2]}` as FrenchLevel);
  if (cefr.length > 0) {
    const lowest = cefr.reduce((low, level) => (FRENCH_LEVELS.indexOf(level) < FRENCH_LEVELS.indexOf(low) ? level : low));
    return value({ level: lowest, proof });
  }
  for (const [words, level] of LEVEL_WORDS) if (words.test(text)) return value({ level, proof });
  return error('sheets.errors.frenchLevel');
}

/**
 * Work-authorisation documents as French associations name them, to Tremplin's values. The
 * wizard shows each distinct cell with what it was read as, and the person can change it: a
 * "récépissé" is most often the receipt of a protection being granted, but not always.
 */
const DOCUMENT_WORDS: readonly (readonly [RegExp, AuthorisationDocument])[] = [
  [/\b(aucun|sans papiers?|sans titre|none|nessuno)\b/, 'none'],
  [/\b(ue|eu|union europeenne|european union|europeen|european|unione europea|cni|ressortissant)\b/, 'eu_citizen'],
  [/protection temporaire|temporary protection|protezione temporanea|ukrain/, 'temporary_protection'],
  [/protection subsidiaire|subsidiary protection|protezione sussidiaria/, 'subsidiary_protection_card'],
  [/d.?asile|\badda\b|asylum|asilo/, 'asylum_certificate'],
  [/recepisse|receipt|ricevuta/, 'protection_receipt'],
  [/carte de resident|refugie|refugee|rifugiato|resident card|carta di soggiorno/, 'refugee_resident_card'],
  [/\b(aps|autorisation provisoire|titre de sejour|carte de sejour|carte pluriannuelle|vls-?ts|visa|residence permit|permesso di soggiorno)\b/, 'other_residence_permit'],
];

export function readAuthorisationDocument(cell: Cell): CellRead<AuthorisationDocument> {
  const text = folded(cellText(cell));
  if (text === '') return EMPTY;
  for (const [words, document] of DOCUMENT_WORDS) if (words.test(text)) return value(document);
  return error('sheets.errors.authorisationDocument');
}

/** Contracts as French, English and Italian lists write them. */
const CONTRACT_WORDS: readonly (readonly [RegExp, ContractType])[] = [
  [/\bcddi\b|insertion/, 'cddi'],
  [/\bcdi\b|indetermine|permanent|open ended|indeterminato/, 'cdi'],
  [/\bcdd\b|determine|fixed term|\bftc\b|determinato/, 'cdd'],
  [/interim|\btt\b|travail temporaire|temporary|temp work|agency|somministrazione|interinale/, 'temporary'],
  [/apprenti|alternance|apprentice|apprendistato/, 'apprenticeship'],
  [/professionnalisation|contrat pro\b|\bpro\b|professionalisation|inserimento/, 'professionalisation'],
  [/autre|other|altro|stage|benevolat|\bcui\b|\bpec\b/, 'other'],
];

export function readContractType(cell: Cell): CellRead<ContractType> {
  const text = folded(cellText(cell)).replace(/[^a-z0-9]+/g, ' ');
  if (text.trim() === '') return EMPTY;
  for (const [words, contract] of CONTRACT_WORDS) if (words.test(text)) return value(contract);
  return error('sheets.errors.contractType');
}

/** Partner structures as associations name them. */
const PARTNER_KIND_WORDS: readonly (readonly [RegExp, PartnerKind])[] = [
  [/\b(cada|huda|prahda|cph|hebergement|asylum housing|accoglienza richiedenti|sprar|sai|cas)\b/, 'asylum_housing'],
  [/\b(spada|accueil|pada|reception|centre d accueil|centro di accoglienza|prima accoglienza)\b/, 'reception_centre'],
  [/\b(ccas|service social|assistante? sociale?|social service|servizi sociali|servizio sociale|mds|cms|france travail|pole emploi|mission locale)\b/, 'social_service'],
  [/\b(siae|insertion|aci|ei|etti|ai|integration|inserimento)\b/, 'integration_enterprise'],
  [/\b(autre|other|altro|association|associazione)\b/, 'other'],
];

export function readPartnerKind(cell: Cell): CellRead<PartnerKind> {
  const text = folded(cellText(cell)).replace(/[^a-z0-9]+/g, ' ');
  if (text.trim() === '') return EMPTY;
  for (const [words, kind] of PARTNER_KIND_WORDS) if (words.test(text)) return value(kind);
  return error('sheets.errors.partnerKind');
}

/** A whole number of places ("3", "3 postes", 3 as a number cell). */
export function readCount(cell: Cell): CellRead<number> {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 ? value(cell) : error('sheets.errors.count');
  const text = cellText(cell);
  if (text === '') return EMPTY;
  const match = /^(\d{1,4})(?:\s*\p{L}+.*)?$/u.exec(text);
  return match && Number(match[1]) > 0 ? value(Number(match[1])) : error('sheets.errors.count');
}

/** Hours a week: "35", "17,5", "24h", "35 h/semaine". */
export function readHours(cell: Cell): CellRead<number> {
  if (typeof cell === 'number') return cell > 0 ? value(cell) : error('sheets.errors.hours');
  const text = cellText(cell);
  if (text === '') return EMPTY;
  const match = /^(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:h\b.*|heures?.*|hours?.*|ore.*)?$/iu.exec(text);
  const hours = match ? Number((match[1] as string).replace(',', '.')) : Number.NaN;
  return hours > 0 ? value(hours) : error('sheets.errors.hours');
}
