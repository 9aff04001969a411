import type { Db } from '../db/open';
import { createRowWriter } from '../db/row-writer';
import {
  candidateBarriers,
  candidateSectors,
  candidates,
  dropinSessions,
  employers,
  followUps,
  jobNeeds,
  pairs,
  partners,
  placements,
  presentationEvents,
  presentations,
  recruitments,
  sectors,
  sessionVisits,
  timelineEvents,
  volunteers,
} from '../db/schema';
import { addDays as addIsoDays, addMonths as addMonthsIso, daysBetween, lastDayOfMonths } from '../../shared/dates';
import {
  type FollowUpResult,
  LEFT_REASONS,
  PLACEMENT_KINDS,
  type PlacementKind,
  type PlacementOutcome,
  type PresentationState,
  REFUSAL_REASONS,
  type RecruitmentKind,
  followUpDueDates,
} from '../../shared/pipeline';
import {
  BARRIER_THEMES,
  CONTRACT_TYPES,
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  GENDERS,
  MOBILITIES,
  PARTNER_KINDS,
  PUBLIC_CATEGORIES,
  type PublicCategory,
  TIMELINE_KINDS,
} from '../../shared/domain';
import { FRENCH_LEVELS } from '../../shared/candidates';
import { isValidSiret } from '../../shared/validation';
import { newId } from '../core/clock';
import { COMMUNES, ORIGINS, PIPELINE_TEXTS, type Random, addDays, frenchMobile, isoDate, randomSource } from './fake';

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

interface SeededPerson {
  id: string;
  status: FollowUpStatus;
  archived: boolean;
}
interface SeededNeed {
  id: string;
  employerId: string;
}

type PresentationRow = typeof presentations.$inferInsert;
type EventRow = typeof presentationEvents.$inferInsert;
type PlacementRow = typeof placements.$inferInsert;
type RecruitmentRow = typeof recruitments.$inferInsert;
type FollowUpRow = typeof followUps.$inferInsert;

/** How a presentation got to each state, one step per logged change. */
const PRESENTATION_PATHS: Record<PresentationState, PresentationState[][]> = {
  proposed: [['proposed']],
  presented: [['proposed', 'presented']],
  interview: [['proposed', 'presented', 'interview']],
  accepted: [
    ['proposed', 'presented', 'accepted'],
    ['proposed', 'presented', 'interview', 'accepted'],
  ],
  refused: [
    ['proposed', 'refused'],
    ['proposed', 'presented', 'refused'],
    ['proposed', 'presented', 'interview', 'refused'],
  ],
  withdrawn: [
    ['proposed', 'withdrawn'],
    ['proposed', 'presented', 'withdrawn'],
  ],
  obsolete: [
    ['proposed', 'obsolete'],
    ['proposed', 'presented', 'obsolete'],
  ],
};

/** Contracts an employed person holds, about as often as integration programmes report them. */
const HIRED_KINDS: readonly RecruitmentKind[] = ['cdi', 'cdi', 'cdd', 'cdd', 'cdd', 'cddi', 'temporary', 'temporary', 'apprenticeship', 'professionalisation', 'other', 'business_creation'];

/**
 * The journey of the seeded candidates, in proportion to them: presentations with their
 * histories in every state (about one for two files), a recruitment with its follow-ups for
 * each employed person (some recorded), a placement in about one file out of eight (each kind,
 * some ongoing, some ended, internships sometimes renewed). The rows keep the app's rules:
 * PMSMPs within a month and only for people not in a job, internships within 3 months.
 */
function seedPipeline(db: Db, random: Random, now: Date, people: SeededPerson[], needs: SeededNeed[], employerIds: string[]): void {
  const stamp = now.toISOString();
  const today = isoDate(now);
  const dayOffset = (days: number) => isoDate(addDays(now, days));
  const rows = { presentations: [] as PresentationRow[], events: [] as EventRow[], placements: [] as PlacementRow[], recruitments: [] as RecruitmentRow[], followUps: [] as FollowUpRow[] };
  const authors = ORIGINS[0].first;

  /** A presentation that reached `state`, its first change `daysAgo` days back and the last one no later than `lastDay`. */
  function present(candidateId: string, need: SeededNeed, state: PresentationState, daysAgo: number, lastDay = today): string {
    const id = newId();
    const path = random.pick(PRESENTATION_PATHS[state]);
    let on = dayOffset(-daysAgo);
    let from: PresentationState | null = null;
    const proposedOn = on;
    for (const to of path) {
      rows.events.push({ id: newId(), presentationId: id, fromState: from, toState: to, on, author: random.pick(authors), note: random.chance(0.3) ? random.pick(PIPELINE_TEXTS.presentationNotes) : null, createdAt: stamp });
      from = to;
      const next = addIsoDays(on, random.int(2, 15));
      on = next > lastDay ? lastDay : next;
    }
    const lastEvent = rows.events[rows.events.length - 1];
    rows.presentations.push({
      id,
      candidateId,
      jobNeedId: need.id,
      state,
      refusalReason: state === 'refused' ? random.pick(REFUSAL_REASONS) : null,
      proposedOn,
      stateChangedOn: lastEvent?.on ?? proposedOn,
      createdAt: stamp,
      updatedAt: stamp,
    });
    return id;
  }

  function hire(person: SeededPerson) {
    const kind = random.pick(HIRED_KINDS);
    const startDate = dayOffset(-random.int(0, 700));
    const need = needs.length > 0 && random.chance(0.6) ? random.pick(needs) : null;
    // Presentations still waiting when the person was hired became obsolete that day.
    if (needs.length > 1 && random.chance(0.3)) {
      const elsewhere = needs.find((other) => other.id !== need?.id) ?? needs[0];
      if (elsewhere) present(person.id, elsewhere, 'obsolete', daysBetween(startDate, today) + random.int(10, 60), startDate);
    }
    const presentationId = need ? present(person.id, need, 'accepted', daysBetween(startDate, today) + random.int(10, 60), startDate) : null;
    const openEnded = kind === 'cdi' || kind === 'business_creation';
    const id = newId();
    rows.recruitments.push({
      id,
      candidateId: person.id,
      kind,
      employerId: need?.employerId ?? (kind !== 'business_creation' && employerIds.length > 0 && random.chance(0.5) ? random.pick(employerIds) : null),
      organisation: need || kind === 'business_creation' ? null : random.pick(PIPELINE_TEXTS.agencies),
      jobNeedId: need?.id ?? null,
      presentationId,
      hoursPerWeek: random.pick([20, 24, 28, 35, 35, 39]),
      startDate,
      endDate: openEnded ? null : addIsoDays(addMonthsIso(startDate, random.int(1, 18)), -1),
      createdAt: stamp,
      updatedAt: stamp,
    });
    for (const { monthsAfter, dueOn } of followUpDueDates(startDate)) {
      const recorded = dueOn <= today && random.chance(0.8);
      const result: FollowUpResult = recorded ? random.pick(['employed', 'employed', 'employed', 'employed', 'left', 'unknown']) : 'pending';
      const recordedOn = recorded ? addIsoDays(dueOn, random.int(0, 10)) : null;
      rows.followUps.push({
        id: newId(),
        recruitmentId: id,
        monthsAfter,
        dueOn,
        result,
        leftReason: result === 'left' ? random.pick(LEFT_REASONS) : null,
        recordedOn: recordedOn !== null && recordedOn > today ? today : recordedOn,
        author: recorded ? random.pick(authors) : null,
        updatedAt: stamp,
      });
    }
  }

  /** A placement of this kind; one that is over has an outcome, except a few left for the home screen to flag. */
  function place(person: SeededPerson, kind: PlacementKind, renews?: { id: string; startDate: string }) {
    const startDate = renews?.startDate ?? dayOffset(-random.int(0, 400));
    const months = { pmsmp: 1, internship_apprenticeship: 3, temp_mission: random.int(1, 6), training: random.int(2, 9) }[kind];
    const endDate = kind === 'pmsmp' && random.chance(0.5) ? addIsoDays(startDate, random.int(4, 20)) : lastDayOfMonths(startDate, months);
    const over = endDate < today;
    const outcome: PlacementOutcome | null = over && random.chance(0.9) ? random.pick(['hired', 'ended', 'ended', 'abandoned']) : null;
    const renewed = kind === 'internship_apprenticeship' && !renews && over && random.chance(0.4);
    const id = newId();
    const byEmployer = employerIds.length > 0 && (kind === 'pmsmp' || random.chance(0.3));
    rows.placements.push({
      id,
      candidateId: person.id,
      kind,
      employerId: byEmployer ? random.pick(employerIds) : null,
      organisation: byEmployer ? null : { pmsmp: 'Mairie de Bron', internship_apprenticeship: random.pick(PIPELINE_TEXTS.cities), temp_mission: random.pick(PIPELINE_TEXTS.agencies), training: random.pick(PIPELINE_TEXTS.trainingBodies) }[kind],
      startDate,
      endDate,
      renewsId: renews?.id ?? null,
      tutor: random.pick(PIPELINE_TEXTS.tutors),
      objective: kind === 'pmsmp' ? random.pick(PIPELINE_TEXTS.objectives) : null,
      prescriber: kind === 'pmsmp' ? random.pick(PIPELINE_TEXTS.prescribers) : null,
      stipendAmount: kind === 'internship_apprenticeship' ? random.pick([500, 600, 650]) : null,
      stipendPayer: kind === 'internship_apprenticeship' ? random.pick(PIPELINE_TEXTS.cities) : null,
      outcome: renewed ? 'extended' : outcome,
      endedOn: renewed ? endDate : outcome === 'abandoned' ? addIsoDays(startDate, Math.floor(daysBetween(startDate, endDate) / 2)) : outcome ? endDate : null,
      createdAt: stamp,
      updatedAt: stamp,
    });
    if (renewed) place(person, kind, { id, startDate: addIsoDays(endDate, 1) });
  }

  for (const person of people) {
    const waiting = person.archived ? 0 : { new: 0.3, active: 0.8, on_hold: 0.2, employed: 0, left: 0 }[person.status];
    if (needs.length > 0 && random.chance(waiting)) {
      const first = random.int(0, needs.length - 1);
      const count = needs.length > 1 && random.chance(0.4) ? 2 : 1;
      for (let index = 0; index < count; index++) {
        const need = needs[(first + index) % needs.length] as SeededNeed;
        const state = person.status === 'new' ? 'proposed' : random.pick(['proposed', 'presented', 'presented', 'interview', 'refused', 'withdrawn'] as const);
        present(person.id, need, state, random.int(0, 120));
      }
    }
    if (needs.length > 0 && (person.status === 'left' || person.status === 'on_hold') && random.chance(0.3)) {
      present(person.id, random.pick(needs), random.pick(['refused', 'withdrawn'] as const), random.int(120, 600));
    }
    if (person.status === 'employed') hire(person);
    if (person.status !== 'new' && random.chance(0.12)) {
      // A PMSMP only for people not in a job: the 25% share of a contract is not seeded.
      const kinds: PlacementKind[] = person.status === 'employed' ? ['internship_apprenticeship', 'temp_mission', 'training'] : [...PLACEMENT_KINDS];
      place(person, random.pick(kinds));
    }
  }

  // One prepared statement per table, about twice as fast as multi-row inserts built by drizzle.
  const writer = createRowWriter(db);
  writer.insertAll(presentations, rows.presentations);
  writer.insertAll(presentationEvents, rows.events);
  writer.insertAll(placements, rows.placements);
  writer.insertAll(recruitments, rows.recruitments);
  writer.insertAll(followUps, rows.followUps);
}

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
    const needs: SeededNeed[] = [];
    if (employerIds.length > 0) {
      insertChunks(
        counts.jobNeeds,
        () => {
          const contractType = random.pick(CONTRACT_TYPES);
          const start = addDays(now, random.int(-30, 90));
          const need = { ...record(), employerId: random.pick(employerIds) };
          needs.push(need);
          const [place, postalCode] = random.pick(COMMUNES);
          return {
            ...need,
            occupation: random.pick(['Préparateur de commandes', 'Agent d’entretien', 'Aide à domicile', 'Commis de cuisine', 'Maçon', 'Cariste', 'Employé de rayon']),
            sectorId: random.pick(sectorIds),
            positions: random.int(1, 4),
            contractType,
            hoursPerWeek: random.pick([20, 24, 28, 35, 39]),
            place,
            postalCode,
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
    const people: SeededPerson[] = [];
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
        people.push({ id: row.id, status: row.status, archived: row.archivedAt !== null });
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

    seedPipeline(db, random, now, people, needs, employerIds);
  });
}
