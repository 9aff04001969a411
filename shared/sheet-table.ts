import { type Cell, cellText } from './sheet-values';

/**
 * Finding the table in a sheet as associations keep them: a title and blank lines above the
 * header, blank rows inside, a "TOTAL" row at the bottom; and guessing which candidate field
 * each column holds from its header, in French, English and Italian.
 */

/** The candidate fields a column can be read into. */
export const CANDIDATE_COLUMNS = [
  'lastName',
  'firstName',
  'fullName',
  'gender',
  'birthDate',
  'nationality',
  'phone',
  'secondPhone',
  'email',
  'address',
  'postalCode',
  'commune',
  'publicCategory',
  'frenchLevel',
  'authorisationDocument',
  'authorisationExpiry',
  'referralPartner',
  'referredOn',
  'sector',
  'occupation',
  'experience',
  'availability',
  'notes',
] as const;
export type CandidateColumn = (typeof CANDIDATE_COLUMNS)[number];

/**
 * Headers as people write them, compared folded (no accents, case, punctuation or spaces). The
 * first list that holds a header wins, so the longer, more precise names come first.
 */
const HEADER_ALIASES: readonly (readonly [CandidateColumn, readonly string[]])[] = [
  ['authorisationExpiry', ['datefintitre', 'finTitre', 'dateexpiration', 'expirationtitre', 'validitetitre', 'titrevalablejusquau', 'permitexpiry', 'expirydate', 'scadenzapermesso', 'scadenza']],
  ['authorisationDocument', ['titredesejour', 'titre', 'typetitre', 'situationadministrative', 'documentdesejour', 'autorisationdetravail', 'workpermit', 'permit', 'residencepermit', 'permessodisoggiorno', 'permesso', 'documento']],
  ['birthDate', ['datedenaissance', 'naissance', 'nele', 'ddn', 'dateofbirth', 'birthdate', 'dob', 'datadinascita', 'nascita']],
  ['secondPhone', ['telephone2', 'tel2', 'autretelephone', 'fixe', 'telephonefixe', 'secondphone', 'phone2', 'landline', 'telefono2', 'fisso']],
  ['phone', ['telephone', 'tel', 'portable', 'mobile', 'numero', 'numerodetelephone', 'whatsapp', 'phone', 'cellphone', 'telefono', 'cellulare']],
  ['email', ['email', 'mail', 'courriel', 'adressemail', 'adresseemail', 'posta', 'postaelettronica']],
  ['lastName', ['nom', 'nomdefamille', 'nomdenaissance', 'lastname', 'surname', 'familyname', 'cognome']],
  ['firstName', ['prenom', 'prenoms', 'firstname', 'givenname', 'forename', 'nome']],
  ['fullName', ['nomprenom', 'nometprenom', 'nomcomplet', 'fullname', 'name', 'nomecognome', 'nominativo']],
  ['gender', ['sexe', 'genre', 'civilite', 'gender', 'sex', 'sesso', 'genere']],
  ['nationality', ['nationalite', 'paysdorigine', 'pays', 'nationality', 'country', 'countryoforigin', 'nazionalita', 'paese', 'paesedorigine']],
  ['postalCode', ['codepostal', 'cp', 'postalcode', 'postcode', 'zipcode', 'zip', 'cap']],
  ['commune', ['ville', 'commune', 'localite', 'city', 'town', 'citta', 'comune']],
  ['address', ['adresse', 'adressepostale', 'address', 'indirizzo']],
  ['publicCategory', ['statut', 'public', 'categorie', 'status', 'category', 'stato', 'categoria']],
  ['frenchLevel', ['niveaudefrancais', 'niveaufrancais', 'niveaufle', 'francais', 'fle', 'frenchlevel', 'french', 'livellodifrancese', 'francese']],
  ['referralPartner', ['orientepar', 'orientation', 'prescripteur', 'structure', 'partenaire', 'referredby', 'referral', 'referrer', 'inviatoda', 'ente', 'segnalatoda']],
  ['referredOn', ['datedorientation', 'dateorientation', 'datedentree', 'dateentree', 'referraldate', 'entrydate', 'datadingresso', 'dataingresso']],
  ['sector', ['secteur', 'secteurvise', 'domaine', 'sector', 'settore']],
  ['occupation', ['metier', 'metiervise', 'projet', 'projetprofessionnel', 'poste', 'occupation', 'job', 'project', 'mestiere', 'professione', 'progetto']],
  ['experience', ['experience', 'experiences', 'parcours', 'workexperience', 'esperienza', 'esperienze']],
  ['availability', ['disponibilite', 'disponibilites', 'availability', 'disponibilita']],
  ['notes', ['remarques', 'remarque', 'commentaire', 'commentaires', 'observations', 'notes', 'note', 'comments', 'osservazioni']],
];

function foldedHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const ALIAS_INDEX = new Map<string, CandidateColumn>();
for (const [column, aliases] of HEADER_ALIASES) for (const alias of aliases) if (!ALIAS_INDEX.has(alias.toLowerCase())) ALIAS_INDEX.set(alias.toLowerCase(), column);

/** The field a header names, or null when it names none Tremplin knows (the person maps it, or leaves it out). */
export function guessColumn(header: Cell): CandidateColumn | null {
  return ALIAS_INDEX.get(foldedHeader(cellText(header))) ?? null;
}

/**
 * Each column's guessed field; a field is given to its first column only (a second "Tél" column
 * is left for the person to map).
 */
export function guessColumns(headers: readonly Cell[]): (CandidateColumn | null)[] {
  const taken = new Set<CandidateColumn>();
  return headers.map((header) => {
    const column = guessColumn(header);
    if (column === null || taken.has(column)) return null;
    taken.add(column);
    return column;
  });
}

/**
 * A row's shape, for remembering the person's mapping: the next file with the same headers gets
 * it back.
 */
export function headerShape(headers: readonly Cell[]): string {
  return headers.map((header) => foldedHeader(cellText(header))).join('|');
}

export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => cellText(cell) === '');
}

/** "TOTAL", "Total général", "Totale", "Sous-total": a sum a person added under the table, not a person. */
export function isTotalRow(row: readonly Cell[]): boolean {
  const first = row.find((cell) => cellText(cell) !== '');
  return first !== undefined && /^(sous-?\s?)?total[ea]?\b|^sub-?total\b|^grand total\b/i.test(cellText(first));
}

/** How many rows from the top are looked at for the header. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: among the first rows, the one where the most cells name a known field (at
 * least two), else the first row with two or more non-empty cells that is followed by data.
 * Returns its index, or null when the sheet holds no table.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[]): number | null {
  let best: { index: number; known: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const known = new Set(guessColumns(rows[index] ?? []).filter((column) => column !== null)).size;
    if (known >= 2 && (best === null || known > best.known)) best = { index, known };
  }
  if (best) return best.index;
  for (let index = 0; index < limit; index++) {
    const filled = (rows[index] ?? []).filter((cell) => cellText(cell) !== '').length;
    if (filled >= 2 && rows.slice(index + 1).some((row) => !isBlankRow(row))) return index;
  }
  return null;
}

export interface SheetTable {
  /** Index of the header row in the sheet (0-based). */
  headerRow: number;
  headers: Cell[];
  /** The data rows with their row number in the sheet as a person sees it (1-based), blank and total rows left out. */
  rows: { line: number; cells: Cell[] }[];
  /** Rows left out, as a person would count them: blank ones and totals. */
  skipped: { blank: number; totals: number };
}

export function locateTable(rows: readonly (readonly Cell[])[]): SheetTable | null {
  const headerRow = findHeaderRow(rows);
  if (headerRow === null) return null;
  const table: SheetTable = { headerRow, headers: [...(rows[headerRow] ?? [])], rows: [], skipped: { blank: 0, totals: 0 } };
  for (let index = headerRow + 1; index < rows.length; index++) {
    const cells = rows[index] ?? [];
    if (isBlankRow(cells)) table.skipped.blank++;
    else if (isTotalRow(cells)) table.skipped.totals++;
    else table.rows.push({ line: index + 1, cells: [...cells] });
  }
  // Blank lines after the last row are the end of the sheet, not rows left out.
  let trailing = rows.length - 1;
  while (trailing > headerRow && isBlankRow(rows[trailing] ?? [])) {
    table.skipped.blank--;
    trailing--;
  }
  return table;
}
