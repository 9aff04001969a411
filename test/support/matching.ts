import type { CandidateProfile, NeedProfile } from '../../electron/matching/criteria';
import type { GeoPoint } from '../../electron/matching/geo';
import type { Backend } from '../../electron/api/backend';
import type { InputOf } from '../../shared/api';
import { ok } from './api';

/** Hand-built files for the pure matching tests: everything passes unless a test says otherwise. */

export const TODAY = '2026-03-10';

export const LYON: GeoPoint = { lat: 45.761, lng: 4.852, approximate: false };
export const VILLEURBANNE: GeoPoint = { lat: 45.766, lng: 4.88, approximate: false };
export const GRENOBLE: GeoPoint = { lat: 45.188, lng: 5.725, approximate: false };

export const LOGISTICS = '00000000-0000-7000-8000-000000000001';
export const CLEANING = '00000000-0000-7000-8000-000000000004';

export function need(overrides: Partial<NeedProfile> = {}): NeedProfile {
  return {
    id: '0190b3a0-0000-7000-8000-0000000000aa',
    occupation: 'Préparateur de commandes',
    romeCode: 'N1103',
    sectorId: LOGISTICS,
    contractType: 'cdd',
    startDate: '2026-04-01',
    endDate: '2026-09-30',
    minFrenchLevel: 'A2',
    drivingLicenceRequired: false,
    authorisationThroughContract: true,
    location: LYON,
    ...overrides,
  };
}

let counter = 0;

export function candidate(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  counter++;
  return {
    id: `0190b3a0-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    firstName: 'Amina',
    lastName: 'Diallo',
    status: 'active',
    frenchLevel: 'B1',
    authorisationDocument: 'refugee_resident_card',
    authorisationStart: '2024-01-15',
    authorisationExpiry: '2034-01-14',
    employerMustApply: false,
    asylumRegisteredOn: null,
    mobility: 'public_transport',
    maxDistanceKm: 20,
    maxTravelMinutes: null,
    sectorIds: [LOGISTICS],
    occupations: [{ label: 'Préparatrice de commandes', romeCode: 'N1103' }],
    availableFrom: null,
    lastContactOn: '2026-03-01',
    consentWithdrawnOn: null,
    consentPresentation: true,
    restrictedAt: null,
    postalCode: '69100',
    commune: 'Villeurbanne',
    location: VILLEURBANNE,
    ...overrides,
  };
}

/** A file created through the API that meets a Lyon logistics need, unless `fields` say otherwise. */
export function matchablePerson(backend: Backend, fields: Partial<InputOf<'candidates.create'>> = {}) {
  return ok(backend, 'candidates.create', {
    firstName: 'Amina',
    lastName: 'Diallo',
    status: 'active',
    frenchLevel: 'B1',
    authorisationDocument: 'refugee_resident_card',
    authorisationStart: '2024-01-15',
    authorisationExpiry: '2034-01-14',
    mobility: 'public_transport',
    maxDistanceKm: 20,
    sectorIds: [LOGISTICS],
    occupations: [{ label: 'Préparatrice de commandes' }],
    postalCode: '69100',
    commune: 'Villeurbanne',
    ...fields,
  });
}
