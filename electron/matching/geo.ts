/**
 * Where communes are, offline: the table `resources/geo/communes.json` (built by
 * `npm run geo:build` from Etalab's administrative division and GeoNames, see its README) maps
 * a postal code to its communes with their coordinates. Distances are as the crow flies.
 */

import { nameTokens } from '../core/names';

/** One commune under a postal code: name, latitude, longitude (degrees), and `1` when the point is approximate. */
export type CommuneEntry = [name: string, lat: number, lng: number] | [name: string, lat: number, lng: number, approximate: 1];

/** The committed file's shape. */
export interface CommuneTable {
  attribution: string;
  postalCodes: Record<string, CommuneEntry[]>;
}

export interface GeoPoint {
  lat: number;
  lng: number;
  /** Not the commune's own point: a mean over its postal code, its EPCI or its département. */
  approximate: boolean;
}

/** "St-Priest" is "Saint-Priest". */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/**
 * A commune's name as people type it, reduced for comparison: accents, case, apostrophes and
 * hyphens ignored, "St"/"Ste" read as "Saint"/"Sainte".
 */
export function normaliseCommuneName(name: string): string {
  return nameTokens(name)
    .map((token) => ABBREVIATIONS[token] ?? token)
    .join(' ');
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two points. */
export function haversineKm(from: { lat: number; lng: number }, to: { lat: number; lng: number }): number {
  const dLat = radians(to.lat - from.lat);
  const dLng = radians(to.lng - from.lng);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function meanPoint(points: readonly GeoPoint[]): GeoPoint {
  const lat = points.reduce((sum, point) => sum + point.lat, 0) / points.length;
  const lng = points.reduce((sum, point) => sum + point.lng, 0) / points.length;
  return { lat, lng, approximate: points.length > 1 || points.some((point) => point.approximate) };
}

const toPoint = ([, lat, lng, approximate]: CommuneEntry): GeoPoint => ({ lat, lng, approximate: approximate === 1 });

/** A commune name alone names one place when all its homonyms lie this close together (a city's arrondissements). */
const SAME_PLACE_KM = 10;

export type Locate = (postalCode: string | null, commune: string | null) => GeoPoint | null;

/**
 * Finds a place from a postal code and a commune name, each optional:
 * - the postal code's commune of that name; the mean of the postal code's communes when the
 *   name is missing or not among them (approximate);
 * - a name without a known postal code: the commune of that name (in the postal code's
 *   département when one is typed), when it names one place; null when ambiguous (Saint-Martin);
 * - null when nothing is known.
 * Answers are cached: thousands of candidates share a few hundred places.
 */
export function createLocator(table: CommuneTable): Locate {
  const cache = new Map<string, GeoPoint | null>();
  let byName: Map<string, { postalCode: string; point: GeoPoint }[]> | undefined;

  function namesIndex() {
    if (byName) return byName;
    byName = new Map();
    for (const [postalCode, entries] of Object.entries(table.postalCodes)) {
      for (const entry of entries) {
        const key = normaliseCommuneName(entry[0]);
        const list = byName.get(key) ?? [];
        list.push({ postalCode, point: toPoint(entry) });
        byName.set(key, list);
      }
    }
    return byName;
  }

  function byNameOnly(postalCode: string | null, name: string): GeoPoint | null {
    const all = namesIndex().get(name) ?? [];
    const area = postalCode?.slice(0, 2);
    const inArea = all.filter((match) => match.postalCode.startsWith(area ?? ''));
    const matches = (inArea.length > 0 ? inArea : all).map((match) => match.point);
    if (matches.length === 0) return null;
    const mean = meanPoint(matches);
    if (matches.some((point) => haversineKm(point, mean) > SAME_PLACE_KM)) return null;
    return matches.length === 1 ? matches[0] ?? null : mean;
  }

  function find(postalCode: string | null, commune: string | null): GeoPoint | null {
    const name = commune ? normaliseCommuneName(commune) : '';
    const entries = postalCode ? table.postalCodes[postalCode] : undefined;
    if (entries && entries.length > 0) {
      const named = entries.filter((entry) => name !== '' && normaliseCommuneName(entry[0]) === name);
      const points = (named.length > 0 ? named : entries).map(toPoint);
      return points.length === 1 ? points[0] ?? null : meanPoint(points);
    }
    return name === '' ? null : byNameOnly(postalCode, name);
  }

  return (postalCode, commune) => {
    const key = `${postalCode ?? ''}|${commune ?? ''}`;
    let point = cache.get(key);
    if (point === undefined) {
      point = find(postalCode, commune);
      cache.set(key, point);
    }
    return point;
  };
}
