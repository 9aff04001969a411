import { routeToHash } from '../../app/navigation';

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
