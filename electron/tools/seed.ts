import type { Db } from '../db/open';
import {
  candidateBarriers,
  candidateSectors,
  candidates,
  dropinSessions,
  employers,
  jobNeeds,
  pairs,
  partners,
  sectors,
  sessionVisits,
  timelineEvents,
  volunteers,
} from '../db/schema';
import {
  BARRIER_THEMES,
  CONTRACT_TYPES,
  FOLLOW_UP_STATUSES,
  GENDERS,
  MOBILITIES,
  PARTNER_KINDS,
  PUBLIC_CATEGORIES,
  type PublicCategory,
  TIMELINE_KINDS,
} from '../../shared/domain';
import { FRENCH_LEVELS } from '../../shared/candidates';
import { isValidSiret } from '../../shared/validation';
import { newId } from '../services/clock';
import { COMMUNES, ORIGINS, type Random, addDays, frenchMobile, isoDate, randomSource } from './fake';

export interface SeedCounts {
  candidates: number;
  employers: number;
  jobNeeds: number;
  volunteers: number;
  partners: number;
  sessions: number;
  events: number;
}

export const DEFAULT_COUNTS: SeedCounts = {
  candidates: 200,
  employers: 20,
  jobNeeds: 40,
  volunteers: 30,
  partners: 40,
  sessions: 20,
  events: 1000,
};

/** Rows per INSERT: well under SQLite's limit of bound variables for the widest table. */
const CHUNK = 400;

function insertChunks<T>(count: number, make: (index: number) => T, write: (rows: T[]) => void) {
  for (let start = 0; start < count; start += CHUNK) {
    const rows: T[] = [];
    for (let index = start; index < Math.min(count, start + CHUNK); index++) rows.push(make(index));
    write(rows);
  }
}

/** A SIRET that passes the Luhn check: 13 random digits and the check digit that fits. */
function fakeSiret(random: Random): string {
  const base = Array.from({ length: 13 }, () => random.int(0, 9)).join('');
  for (let check = 0; check <= 9; check++) if (isValidSiret(`${base}${check}`)) return `${base}${check}`;
  return fakeSiret(random);
}

const AUTHORISATION_BY_CATEGORY: Record<PublicCategory, { document: string; months: number; mustApply: boolean }> = {
  asylum_seeker: { document: 'asylum_certificate', months: 9, mustApply: true },
  refugee: { document: 'refugee_resident_card', months: 120, mustApply: false },
  subsidiary_protection: { document: 'subsidiary_protection_card', months: 48, mustApply: false },
  temporary_protection: { document: 'temporary_protection', months: 6, mustApply: false },
  other_permit: { document: 'other_residence_permit', months: 12, mustApply: false },
  rsa: { document: 'eu_citizen', months: 0, mustApply: false },
  other: { document: 'other_residence_permit', months: 24, mustApply: false },
};

/**
 * Fills a migrated database with fake records in one transaction. Writes go straight to the
 * tables (the triggers keep the search indexes), so 100,000 candidates take seconds.
 */
export function seed(db: Db, counts: SeedCounts, seedValue = 42, now = new Date()): void {
  const random = randomSource(seedValue);
  const stamp = now.toISOString();
  const record = () => ({ id: newId(), createdAt: stamp, updatedAt: stamp });
  const daysAgo = (max: number) => isoDate(addDays(now, -random.int(0, max)));

  db.transaction(() => {
    const sectorIds = db.select({ id: sectors.id }).from(sectors).all().map((row) => row.id);

    const partnerIds: string[] = [];
    insertChunks(
      counts.partners,
      (index) => {
        const [commune, postalCode] = random.pick(COMMUNES);
        const row = { ...record(), name: `${random.pick(['CADA', 'CHRS', 'Foyer', 'CCAS', 'Accueil', 'Entraide'])} ${commune} ${index + 1}`, kind: random.pick(PARTNER_KINDS), commune, postalCode };
        partnerIds.push(row.id);
        return row;
      },
      (rows) => db.insert(partners).values(rows).run(),
    );

    const volunteerIds: string[] = [];
    insertChunks(
      counts.volunteers,
      () => {
        const origin = ORIGINS[0];
        const row = { ...record(), firstName: random.pick(origin.first), lastName: random.pick(origin.last), phone: frenchMobile(random), active: random.chance(0.85) };
        volunteerIds.push(row.id);
        return row;
      },
      (rows) => db.insert(volunteers).values(rows).run(),
    );
    const pairIds: string[] = [];
    for (let index = 0; index + 1 < volunteerIds.length && index / 2 < sectorIds.length; index += 2) {
      const row = { ...record(), kind: 'sector', sectorId: sectorIds[index / 2] ?? null, firstVolunteerId: volunteerIds[index] ?? '', secondVolunteerId: volunteerIds[index + 1] ?? '' };
      db.insert(pairs).values(row).run();
      pairIds.push(row.id);
    }

    const employerIds: string[] = [];
    const sirets = new Set<string>();
    insertChunks(
      counts.employers,
      (index) => {
        const [commune, postalCode] = random.pick(COMMUNES);
        let siret = fakeSiret(random);
        while (sirets.has(siret)) siret = fakeSiret(random);
        sirets.add(siret);
        const row = {
          ...record(),
          name: `${random.pick(['Transports', 'Boulangerie', 'Nettoyage', 'Logistique', 'Résidence', 'Bâtiment', 'Restaurant', 'Maraîchage'])} ${random.pick(ORIGINS[0].last)} ${index + 1}`,
          siret,
          sectorId: random.pick(sectorIds),
          commune,
          postalCode,
          charterSignedOn: random.chance(0.3) ? daysAgo(700) : null,
        };
        employerIds.push(row.id);
        return row;
      },
      (rows) => db.insert(employers).values(rows).run(),
    );
    if (employerIds.length > 0) {
      insertChunks(
        counts.jobNeeds,
        () => {
          const contractType = random.pick(CONTRACT_TYPES);
          const start = addDays(now, random.int(-30, 90));
          return {
            ...record(),
            employerId: random.pick(employerIds),
            occupation: random.pick(['Préparateur de commandes', 'Agent d’entretien', 'Aide à domicile', 'Commis de cuisine', 'Maçon', 'Cariste', 'Employé de rayon']),
            sectorId: random.pick(sectorIds),
            positions: random.int(1, 4),
            contractType,
            hoursPerWeek: random.pick([20, 24, 28, 35, 39]),
            place: random.pick(COMMUNES)[0],
            startDate: isoDate(start),
            endDate: contractType === 'cdi' ? null : isoDate(addDays(start, random.int(30, 365))),
            minFrenchLevel: random.pick([null, 'A1', 'A2', 'B1']),
            drivingLicenceRequired: random.chance(0.2),
            state: random.pick(['open', 'open', 'open', 'filled', 'closed']),
          };
        },
        (rows) => db.insert(jobNeeds).values(rows).run(),
      );
    }

    const candidateIds: string[] = [];
    insertChunks(
      counts.candidates,
      () => {
        const origin = random.pick(ORIGINS);
        const category = origin.nationality === 'FR' ? random.pick(['rsa', 'other'] as const) : random.pick(PUBLIC_CATEGORIES.filter((item) => item !== 'rsa'));
        const authorisation = AUTHORISATION_BY_CATEGORY[category];
        // Up to two months past the document's length, so some authorisations have already expired.
        const start = addDays(now, -random.int(0, authorisation.months * 30 + 60));
        const [commune, postalCode] = random.pick(COMMUNES);
        const firstName = random.pick(origin.first);
        const lastName = random.pick(origin.last);
        const row = {
          ...record(),
          firstName,
          lastName,
          gender: random.pick(GENDERS),
          birthDate: isoDate(new Date(Date.UTC(random.int(1965, 2006), random.int(0, 11), random.int(1, 28)))),
          nationality: origin.nationality,
          languages: [...origin.languages],
          phone: frenchMobile(random),
          phoneWhatsapp: random.chance(0.6),
          email: random.chance(0.4) ? `${firstName}.${lastName}${random.int(1, 999)}@example.org`.normalize('NFD').replace(/[^\w.@-]/g, '').toLowerCase() : null,
          commune,
          postalCode,
          publicCategory: category,
          status: random.pick(FOLLOW_UP_STATUSES),
          frenchLevel: random.pick(FRENCH_LEVELS),
          authorisationDocument: authorisation.document,
          authorisationStart: authorisation.months > 0 ? isoDate(start) : null,
          authorisationExpiry: authorisation.months > 0 ? isoDate(addDays(start, authorisation.months * 30)) : null,
          employerMustApply: authorisation.mustApply,
          asylumRegisteredOn: category === 'asylum_seeker' ? isoDate(addDays(start, -random.int(0, 200))) : null,
          mobility: random.pick(MOBILITIES),
          maxTravelMinutes: random.pick([null, 30, 45, 60]),
          referralPartnerId: partnerIds.length > 0 && random.chance(0.8) ? random.pick(partnerIds) : null,
          referredOn: daysAgo(700),
          consentRecording: true,
          consentContact: random.chance(0.9),
          consentDate: daysAgo(700),
          consentMethod: random.pick(['written', 'oral', 'form']),
          assignedPairId: pairIds.length > 0 && random.chance(0.7) ? random.pick(pairIds) : null,
          archivedAt: random.chance(0.05) ? stamp : null,
        };
        candidateIds.push(row.id);
        return row;
      },
      (rows) => db.insert(candidates).values(rows).run(),
    );
    if (sectorIds.length > 0) {
      insertChunks(
        candidateIds.length,
        (index) => ({ candidateId: candidateIds[index] ?? '', sectorId: random.pick(sectorIds) }),
        (rows) => db.insert(candidateSectors).values(rows).onConflictDoNothing().run(),
      );
    }
    insertChunks(
      Math.floor(candidateIds.length / 2),
      (index) => ({ candidateId: candidateIds[index * 2] ?? '', theme: random.pick(BARRIER_THEMES), status: random.pick(['open', 'lifted']) }),
      (rows) => db.insert(candidateBarriers).values(rows).onConflictDoNothing().run(),
    );

    const sessionIds: string[] = [];
    insertChunks(
      counts.sessions,
      (index) => {
        const row = { ...record(), date: isoDate(addDays(now, -7 * index)), place: random.pick(['Maison des associations', 'Centre social', 'Local de l’association']) };
        sessionIds.push(row.id);
        return row;
      },
      (rows) => db.insert(dropinSessions).values(rows).run(),
    );
    if (sessionIds.length > 0 && candidateIds.length > 0) {
      insertChunks(
        Math.min(candidateIds.length, counts.sessions * 8),
        (index) => ({ id: newId(), sessionId: sessionIds[index % sessionIds.length] ?? '', candidateId: candidateIds[index] ?? '', createdAt: stamp }),
        (rows) => db.insert(sessionVisits).values(rows).run(),
      );
    }

    const subjects = [
      ...candidateIds.map((id) => ['candidate', id] as const),
      ...employerIds.map((id) => ['employer', id] as const),
      ...partnerIds.map((id) => ['partner', id] as const),
    ];
    if (subjects.length > 0) {
      insertChunks(
        counts.events,
        () => {
          const [subjectType, subjectId] = random.pick(subjects);
          return { id: newId(), subjectType, subjectId, kind: random.pick(TIMELINE_KINDS), occurredAt: `${daysAgo(730)}T10:00:00.000Z`, author: random.pick(ORIGINS[0].first), text: random.pick(['Appel pour faire le point', 'Rendez-vous à la permanence', 'CV mis à jour', 'Message WhatsApp envoyé', null]), createdAt: stamp, updatedAt: stamp };
        },
        (rows) => db.insert(timelineEvents).values(rows).run(),
      );
    }
  });
}
