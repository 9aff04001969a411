/**
 * Every address of the app, in one place: the route a hash names (`#/section/id/rest…`) and the
 * addresses one section links to inside another.
 */

import type { SheetKind } from '../../../shared/sheet-table';

/** The sidebar's sections, in order. */
export const SECTIONS = [
  'home',
  'calendar',
  'candidates',
  'sessions',
  'employers',
  'volunteers',
  'partners',
  'matching',
  'reports',
  'exchange',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * Where the user is: a section's list (`#/employers`), a new record (`#/employers/new`), a
 * record (`#/employers/<id>`), or a place inside a record (`#/employers/<id>/needs/<needId>`).
 */
export interface Route {
  section: Section;
  /** `new`, a record id, or undefined for the list. */
  id?: string;
  /** Further path segments inside the record. */
  rest?: string[];
}

export function routeToHash({ section, id, rest = [] }: Route): string {
  return ['#', section, ...(id === undefined ? [] : [id, ...rest])].map(encodeURIComponent).join('/').replace('%23', '#');
}

export function hashToRoute(hash: string): Route {
  const [section, id, ...rest] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);
  // `#/`, and any address that is not (or no longer) one of ours, opens the home screen.
  if (!SECTIONS.some((known) => known === section)) return { section: 'home' };
  return { section: section as Section, ...(id === undefined ? {} : { id }), ...(rest.length > 0 ? { rest } : {}) };
}

/** `#/matching/needs/<jobNeedId>`: the candidates ranked for one job need. */
export function needMatchesHash(jobNeedId: string): string {
  return routeToHash({ section: 'matching', id: 'needs', rest: [jobNeedId] });
}

/** `#/matching/presentations/<id>`: one presentation, its history and what can happen next. */
export function presentationHash(presentationId: string): string {
  return routeToHash({ section: 'matching', id: 'presentations', rest: [presentationId] });
}

/** `#/candidates/<id>/journey/recruit/<presentationId>`: the recruitment form, filled from an accepted presentation. */
export function recruitHash(candidateId: string, presentationId: string): string {
  return routeToHash({ section: 'candidates', id: candidateId, rest: ['journey', 'recruit', presentationId] });
}

/** `#/candidates/import`: bringing a spreadsheet of people in (a candidate's id is a UUID, never this word). */
export const SHEET_IMPORT_ID = 'import';
/** `#/candidates/import`, `#/employers/import` (and `…/import/needs` for job needs), `#/volunteers/import`, `#/partners/import`. */
export function sheetImportRoute(kind: SheetKind): Route {
  if (kind === 'jobNeeds') return { section: 'employers', id: SHEET_IMPORT_ID, rest: ['needs'] };
  return { section: kind, id: SHEET_IMPORT_ID };
}
export const sheetImportHashOf = (kind: SheetKind) => routeToHash(sheetImportRoute(kind));
export const sheetImportHash = sheetImportHashOf('candidates');

export function candidateHash(candidateId: string): string {
  return routeToHash({ section: 'candidates', id: candidateId });
}

export function jobNeedHash(employerId: string, jobNeedId: string): string {
  return routeToHash({ section: 'employers', id: employerId, rest: ['needs', jobNeedId] });
}

/**
 * Places inside a candidate's journey tab, each an address under `#/candidates/<id>/journey/`:
 * the overview, a placement's or a recruitment's form (new, to edit, or filled from what came
 * before: an accepted presentation, a placement that ended in a hire or was extended).
 */
export type JourneyPlace =
  | { view: 'overview' }
  | { view: 'newPlacement' }
  | { view: 'editPlacement'; placementId: string }
  /** A placement that follows an extended one (for an internship, its renewal). */
  | { view: 'nextPlacement'; placementId: string }
  | { view: 'newRecruitment' }
  | { view: 'editRecruitment'; recruitmentId: string }
  /** `recruit/<presentationId>`: the address the matching screens link to once a presentation is accepted. */
  | { view: 'recruitFromPresentation'; presentationId: string }
  | { view: 'recruitAfterPlacement'; placementId: string };

/** Reads the segments after `journey` (an unknown address shows the overview). */
export function journeyPlace(segments: readonly string[]): JourneyPlace {
  const [first, second, third] = segments;
  if (first === 'placements' && second === 'new') return { view: 'newPlacement' };
  if (first === 'placements' && second && third === 'next') return { view: 'nextPlacement', placementId: second };
  if (first === 'placements' && second && third === 'recruit') return { view: 'recruitAfterPlacement', placementId: second };
  if (first === 'placements' && second && third === undefined) return { view: 'editPlacement', placementId: second };
  if (first === 'recruitments' && second === 'new') return { view: 'newRecruitment' };
  if (first === 'recruitments' && second && third === undefined) return { view: 'editRecruitment', recruitmentId: second };
  if (first === 'recruit' && second && third === undefined) return { view: 'recruitFromPresentation', presentationId: second };
  return { view: 'overview' };
}

function placeSegments(place: JourneyPlace): string[] {
  switch (place.view) {
    case 'overview':
      return [];
    case 'newPlacement':
      return ['placements', 'new'];
    case 'editPlacement':
      return ['placements', place.placementId];
    case 'nextPlacement':
      return ['placements', place.placementId, 'next'];
    case 'recruitAfterPlacement':
      return ['placements', place.placementId, 'recruit'];
    case 'newRecruitment':
      return ['recruitments', 'new'];
    case 'editRecruitment':
      return ['recruitments', place.recruitmentId];
    case 'recruitFromPresentation':
      return ['recruit', place.presentationId];
  }
}

/** The route of a place in a candidate's journey, for `navigate`. */
export function journeyRoute(candidateId: string, place: JourneyPlace = { view: 'overview' }) {
  return { section: 'candidates' as const, id: candidateId, rest: ['journey', ...placeSegments(place)] };
}

/** `#/candidates/<id>/journey…`, for links. */
export function journeyHash(candidateId: string, place: JourneyPlace = { view: 'overview' }): string {
  return routeToHash(journeyRoute(candidateId, place));
}
