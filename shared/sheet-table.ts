import { type Cell, cellText } from './sheet-values';

/**
 * Finding the table in a sheet as associations keep them: a title and blank lines above the
 * header, blank rows inside, a "TOTAL" row at the bottom; and guessing which candidate field
 * each column holds from its header, in French, English and Italian, for each kind of record.
 */

/** The kinds of records a spreadsheet can bring in. */
export const SHEET_KINDS = ['candidates', 'employers', 'jobNeeds', 'volunteers', 'partners'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

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

/** The contact columns of a record that has contacts: one row makes one contact. */
const CONTACT_COLUMNS = ['contactName', 'contactRole', 'contactPhone', 'contactEmail'] as const;

/** Every column each kind can read, in the order the mapping lists them. */
export const SHEET_COLUMNS = {
  candidates: CANDIDATE_COLUMNS,
  employers: ['name', 'siret', 'sector', 'address', 'postalCode', 'commune', 'charterSignedOn', 'notes', ...CONTACT_COLUMNS],
  jobNeeds: ['employer', 'siret', 'occupation', 'romeCode', 'sector', 'positions', 'contractType', 'hoursPerWeek', 'place', 'postalCode', 'startDate', 'endDate', 'minFrenchLevel', 'validUntil', 'notes'],
  volunteers: ['lastName', 'firstName', 'fullName', 'phone', 'email', 'sector', 'availability', 'notes'],
  partners: ['name', 'partnerKind', 'address', 'postalCode', 'commune', 'phone', 'email', 'notes', ...CONTACT_COLUMNS],
} as const satisfies Record<SheetKind, readonly string[]>;
export type SheetColumn = (typeof SHEET_COLUMNS)[SheetKind][number];
export const ALL_SHEET_COLUMNS = [...new Set(Object.values(SHEET_COLUMNS).flat())] as [SheetColumn, ...SheetColumn[]];

/**
 * How a cell of each column is read (shared/sheet-values.ts), for the kinds read field by field;
 * candidates have their own converter (documents, gender, nationality…), with the same readers.
 */
export const COLUMN_READERS = {
  name: 'text',
  siret: 'siret',
  sector: 'sector',
  address: 'text',
  postalCode: 'postalCode',
  commune: 'text',
  charterSignedOn: 'date',
  notes: 'text',
  contactName: 'text',
  contactRole: 'text',
  contactPhone: 'phone',
  contactEmail: 'email',
  employer: 'employer',
  occupation: 'text',
  romeCode: 'romeCode',
  positions: 'count',
  contractType: 'contractType',
  hoursPerWeek: 'hours',
  place: 'text',
  startDate: 'date',
  endDate: 'date',
  minFrenchLevel: 'frenchLevel',
  validUntil: 'date',
  lastName: 'personName',
  firstName: 'personName',
  fullName: 'fullName',
  phone: 'phone',
  email: 'email',
  availability: 'text',
  partnerKind: 'partnerKind',
} as const satisfies Partial<Record<SheetColumn, string>>;
export type ColumnReader = (typeof COLUMN_READERS)[keyof typeof COLUMN_READERS];

/**
 * What makes a row a likely duplicate of a record Tremplin already holds (or of an earlier row):
 * a person by names with birth date, phone or e-mail (the candidates' own detection); an
 * employer by SIRET or name; a partner by name; a job need by its employer and occupation.
 */
export const DUPLICATE_RULES = {
  candidates: 'person',
  employers: 'siretOrName',
  jobNeeds: 'employerAndOccupation',
  volunteers: 'person',
  partners: 'name',
} as const satisfies Record<SheetKind, string>;

const PHONE_ALIASES = ['telephone', 'tel', 'portable', 'mobile', 'numero', 'numerodetelephone', 'whatsapp', 'phone', 'cellphone', 'telefono', 'cellulare'];
const EMAIL_ALIASES = ['email', 'mail', 'courriel', 'adressemail', 'adresseemail', 'posta', 'postaelettronica'];
const POSTAL_CODE_ALIASES = ['codepostal', 'cp', 'postalcode', 'postcode', 'zipcode', 'zip', 'cap'];
const COMMUNE_ALIASES = ['ville', 'commune', 'localite', 'city', 'town', 'citta', 'comune'];
const ADDRESS_ALIASES = ['adresse', 'adressepostale', 'address', 'indirizzo'];
const SECTOR_ALIASES = ['secteur', 'secteurvise', 'secteurdactivite', 'domaine', 'activite', 'sector', 'industry', 'settore', 'settoredattivita'];
const NOTES_ALIASES = ['remarques', 'remarque', 'commentaire', 'commentaires', 'observations', 'notes', 'note', 'comments', 'osservazioni'];
const LAST_NAME_ALIASES = ['nom', 'nomdefamille', 'nomdenaissance', 'lastname', 'surname', 'familyname', 'cognome'];
const FIRST_NAME_ALIASES = ['prenom', 'prenoms', 'firstname', 'givenname', 'forename', 'nome'];
const FULL_NAME_ALIASES = ['nomprenom', 'nometprenom', 'nomcomplet', 'fullname', 'name', 'nomecognome', 'nominativo'];
const ORGANISATION_NAME_ALIASES = ['nom', 'raisonsociale', 'denomination', 'entreprise', 'societe', 'structure', 'organisme', 'association', 'name', 'company', 'organisation', 'organization', 'ragionesociale', 'azienda', 'denominazione', 'ente', 'nome'];
const SIRET_ALIASES = ['siret', 'numerosiret', 'nsiret', 'siretetablissement', 'partitaiva', 'piva'];
const CONTACT_ALIASES: readonly (readonly [SheetColumn, readonly string[]])[] = [
  ['contactPhone', ['telcontact', 'telephonecontact', 'contacttelephone', 'contactphone', 'telefonoreferente', 'telreferente']],
  ['contactEmail', ['mailcontact', 'emailcontact', 'contactemail', 'contactmail', 'emailreferente', 'mailreferente']],
  ['contactRole', ['fonction', 'fonctioncontact', 'poste', 'role', 'qualite', 'jobtitle', 'contactrole', 'ruolo', 'funzione']],
  ['contactName', ['contact', 'nomcontact', 'interlocuteur', 'referent', 'personnecontact', 'contactname', 'contactperson', 'referente', 'nomereferente', 'persona']],
];

/**
 * Headers as people write them, compared folded (no accents, case, punctuation or spaces). The
 * first list that holds a header wins, so the longer, more precise names come first.
 */
const HEADER_ALIASES: Record<SheetKind, readonly (readonly [SheetColumn, readonly string[]])[]> = {
  candidates: [
    ['authorisationExpiry', ['datefintitre', 'finTitre', 'dateexpiration', 'expirationtitre', 'validitetitre', 'titrevalablejusquau', 'permitexpiry', 'expirydate', 'scadenzapermesso', 'scadenza']],
    ['authorisationDocument', ['titredesejour', 'titre', 'typetitre', 'situationadministrative', 'documentdesejour', 'autorisationdetravail', 'workpermit', 'permit', 'residencepermit', 'permessodisoggiorno', 'permesso', 'documento']],
    ['birthDate', ['datedenaissance', 'naissance', 'nele', 'ddn', 'dateofbirth', 'birthdate', 'dob', 'datadinascita', 'nascita']],
    ['secondPhone', ['telephone2', 'tel2', 'autretelephone', 'fixe', 'telephonefixe', 'secondphone', 'phone2', 'landline', 'telefono2', 'fisso']],
    ['phone', PHONE_ALIASES],
    ['email', EMAIL_ALIASES],
    ['lastName', LAST_NAME_ALIASES],
    ['firstName', FIRST_NAME_ALIASES],
    ['fullName', FULL_NAME_ALIASES],
    ['gender', ['sexe', 'genre', 'civilite', 'gender', 'sex', 'sesso', 'genere']],
    ['nationality', ['nationalite', 'paysdorigine', 'pays', 'nationality', 'country', 'countryoforigin', 'nazionalita', 'paese', 'paesedorigine']],
    ['postalCode', POSTAL_CODE_ALIASES],
    ['commune', COMMUNE_ALIASES],
    ['address', ADDRESS_ALIASES],
    ['publicCategory', ['statut', 'public', 'categorie', 'status', 'category', 'stato', 'categoria']],
    ['frenchLevel', ['niveaudefrancais', 'niveaufrancais', 'niveaufle', 'francais', 'fle', 'frenchlevel', 'french', 'livellodifrancese', 'francese']],
    ['referralPartner', ['orientepar', 'orientation', 'prescripteur', 'structure', 'partenaire', 'referredby', 'referral', 'referrer', 'inviatoda', 'ente', 'segnalatoda']],
    ['referredOn', ['datedorientation', 'dateorientation', 'datedentree', 'dateentree', 'referraldate', 'entrydate', 'datadingresso', 'dataingresso']],
    ['sector', ['secteur', 'secteurvise', 'domaine', 'sector', 'settore']],
    ['occupation', ['metier', 'metiervise', 'projet', 'projetprofessionnel', 'poste', 'occupation', 'job', 'project', 'mestiere', 'professione', 'progetto']],
    ['experience', ['experience', 'experiences', 'parcours', 'workexperience', 'esperienza', 'esperienze']],
    ['availability', ['disponibilite', 'disponibilites', 'availability', 'disponibilita']],
    ['notes', NOTES_ALIASES],
  ],
  employers: [
    ['siret', SIRET_ALIASES],
    ['charterSignedOn', ['charte', 'chartesignee', 'chartesigneele', 'datecharte', 'datesignaturecharte', 'charter', 'chartersigned', 'chartersignedon', 'carta', 'cartafirmata', 'datafirmacarta']],
    ...CONTACT_ALIASES,
    ['name', ORGANISATION_NAME_ALIASES],
    ['sector', SECTOR_ALIASES],
    ['postalCode', POSTAL_CODE_ALIASES],
    ['commune', COMMUNE_ALIASES],
    ['address', ADDRESS_ALIASES],
    ['notes', NOTES_ALIASES],
  ],
  jobNeeds: [
    ['siret', SIRET_ALIASES],
    ['employer', ['employeur', 'entreprise', 'societe', 'raisonsociale', 'employer', 'company', 'datoredilavoro', 'azienda', 'impresa']],
    ['romeCode', ['coderome', 'rome', 'romecode', 'codicerome']],
    ['occupation', ['metier', 'poste', 'intitule', 'intituleduposte', 'emploi', 'besoin', 'occupation', 'job', 'jobtitle', 'position', 'mestiere', 'mansione', 'posizione', 'professione']],
    ['sector', SECTOR_ALIASES],
    ['positions', ['nombredepostes', 'nbpostes', 'nombre', 'postes', 'places', 'nb', 'positions', 'openings', 'headcount', 'numeroposti', 'posti']],
    ['contractType', ['typedecontrat', 'contrat', 'typecontrat', 'contract', 'contracttype', 'contratto', 'tipodicontratto', 'tipocontratto']],
    ['hoursPerWeek', ['heuresparsemaine', 'heures', 'heureshebdo', 'dureehebdomadaire', 'tempsdetravail', 'hours', 'hoursperweek', 'weeklyhours', 'ore', 'oresettimanali']],
    ['startDate', ['datededebut', 'debut', 'datedebut', 'dateembauche', 'apartirdu', 'startdate', 'start', 'datadiinizio', 'inizio', 'datainizio']],
    ['endDate', ['datedefin', 'fin', 'datefin', 'findecontrat', 'enddate', 'end', 'datadifine', 'fine', 'datafine']],
    ['validUntil', ['valablejusquau', 'validite', 'besoinjusquau', 'datelimite', 'validuntil', 'deadline', 'validofinoa', 'scadenza']],
    ['minFrenchLevel', ['niveaudefrancais', 'niveaufrancais', 'niveaurequis', 'francais', 'frenchlevel', 'french', 'livellodifrancese', 'francese']],
    ['place', ['lieu', 'lieudetravail', 'site', 'place', 'workplace', 'location', 'luogo', 'sede', 'luogodilavoro']],
    ['postalCode', POSTAL_CODE_ALIASES],
    ['notes', NOTES_ALIASES],
  ],
  volunteers: [
    ['phone', PHONE_ALIASES],
    ['email', EMAIL_ALIASES],
    ['lastName', LAST_NAME_ALIASES],
    ['firstName', FIRST_NAME_ALIASES],
    ['fullName', FULL_NAME_ALIASES],
    ['sector', [...SECTOR_ALIASES, 'competences', 'skills', 'competenze']],
    ['availability', ['disponibilite', 'disponibilites', 'availability', 'disponibilita']],
    ['notes', NOTES_ALIASES],
  ],
  partners: [
    ...CONTACT_ALIASES,
    ['partnerKind', ['type', 'typedestructure', 'typestructure', 'categorie', 'kind', 'category', 'tipo', 'tipologia', 'categoria']],
    ['name', ORGANISATION_NAME_ALIASES],
    ['phone', PHONE_ALIASES],
    ['email', EMAIL_ALIASES],
    ['postalCode', POSTAL_CODE_ALIASES],
    ['commune', COMMUNE_ALIASES],
    ['address', ADDRESS_ALIASES],
    ['notes', NOTES_ALIASES],
  ],
};

function foldedHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const ALIAS_INDEXES = new Map<SheetKind, Map<string, SheetColumn>>();
for (const kind of SHEET_KINDS) {
  const index = new Map<string, SheetColumn>();
  for (const [column, aliases] of HEADER_ALIASES[kind]) for (const alias of aliases) if (!index.has(alias.toLowerCase())) index.set(alias.toLowerCase(), column);
  ALIAS_INDEXES.set(kind, index);
}

/** The field a header names, or null when it names none Tremplin knows (the person maps it, or leaves it out). */
export function guessColumn(header: Cell, kind: SheetKind = 'candidates'): SheetColumn | null {
  return ALIAS_INDEXES.get(kind)?.get(foldedHeader(cellText(header))) ?? null;
}

/**
 * Each column's guessed field; a field is given to its first column only (a second "Tél" column
 * is left for the person to map).
 */
export function guessColumns(headers: readonly Cell[], kind: SheetKind = 'candidates'): (SheetColumn | null)[] {
  const taken = new Set<SheetColumn>();
  return headers.map((header) => {
    const column = guessColumn(header, kind);
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
export function findHeaderRow(rows: readonly (readonly Cell[])[], kind: SheetKind = 'candidates'): number | null {
  let best: { index: number; known: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const known = new Set(guessColumns(rows[index] ?? [], kind).filter((column) => column !== null)).size;
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

export function locateTable(rows: readonly (readonly Cell[])[], kind: SheetKind = 'candidates'): SheetTable | null {
  const headerRow = findHeaderRow(rows, kind);
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
