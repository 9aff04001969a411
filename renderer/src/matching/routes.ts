import { routeToHash } from '../app/navigation';

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

export function candidateHash(candidateId: string): string {
  return routeToHash({ section: 'candidates', id: candidateId });
}

export function jobNeedHash(employerId: string, jobNeedId: string): string {
  return routeToHash({ section: 'employers', id: employerId, rest: ['needs', jobNeedId] });
}
