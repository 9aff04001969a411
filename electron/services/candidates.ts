import type { ParsedInputOf } from '../../shared/api';
import {
  type Barrier,
  type BarrierChange,
  type BarrierEvent,
  type Candidate,
  type CandidateFields,
  type CandidatePage,
  type CandidatePatch,
  type CandidateSummary,
  type RestrictionReason,
  CURRENT_CONSENT_TEXT_VERSION,
  candidateConsistencyErrors,
  consentWithdrawn,
  isRestricted,
} from '../../shared/candidates';
import type { BarrierStatus, BarrierTheme } from '../../shared/domain';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import type { ReadDb, WriteDb } from '../db/handles';
import {
  type CandidateNote,
  type CandidateRow,
  type CandidateWrite,
  assertCandidateReferencesExist,
  barrierEventsOf,
  barriersOf,
  candidateColumns,
  candidatePage,
  candidatePagesInOrder,
  findCandidate,
  insertCandidate,
  insertCandidates,
  loadCandidates,
  setCandidateArchived,
  setRestriction,
  updateCandidate,
} from '../store/candidates';
import { partnerNamesOf } from '../store/partners';
import { currentCaller } from '../store/caller';
import { healthNoteVisible } from '../store/scope';

/** The consent a file holds before a write: none for a new file. */
type ConsentBefore = Pick<
  Candidate,
  'consentRecording' | 'consentContact' | 'consentPresentation' | 'consentWithdrawnOn' | 'sharingPartnerIds' | 'consentDate' | 'consentTextVersion'
>;
const NO_CONSENT: ConsentBefore = {
  consentRecording: false,
  consentContact: false,
  consentPresentation: true,
  consentWithdrawnOn: null,
  sharingPartnerIds: [],
  consentDate: null,
  consentTextVersion: null,
};

/**
 * The stamps one kind of consent takes when its tick moves: giving the recording consent
 * records the date (unless one is typed) and the version of the text shown (unless one is
 * chosen); taking it back dates the withdrawal, which proposes erasure (shared/candidates.ts:
 * erasureProposed). Each change is noted in the person's history.
 */
function applyConsentTicks<Fields extends Partial<CandidateFields>>(fields: Fields, before: ConsentBefore, today: string): { fields: Fields & CandidateWrite; notes: string[] } {
  const stamped: Fields & CandidateWrite = { ...fields };
  const notes: string[] = [];
  const recording = fields.consentRecording ?? before.consentRecording;
  if (recording && !before.consentRecording) {
    stamped.consentRecordingWithdrawnOn = null;
    if ((fields.consentDate ?? before.consentDate) === null) stamped.consentDate = today;
    if ((fields.consentTextVersion ?? before.consentTextVersion) === null) stamped.consentTextVersion = CURRENT_CONSENT_TEXT_VERSION;
  }
  if (!recording && before.consentRecording) {
    stamped.consentRecordingWithdrawnOn = today;
    notes.push("Accord pour l'enregistrement retiré : l'effacement de la fiche est proposé.");
  }
  if (fields.consentPresentation === false && before.consentPresentation) notes.push('Ne souhaite plus être présenté(e) à des employeurs.');
  if (fields.consentPresentation === true && !before.consentPresentation) notes.push('Accepte de nouveau d\'être présenté(e) à des employeurs.');
  // A withdrawal of the whole consent says so itself.
  if (fields.consentContact === false && before.consentContact && fields.consentWithdrawnOn == null && !consentWithdrawn(before)) notes.push('Ne souhaite plus être contacté(e).');
  return { fields: stamped, notes };
}

/**
 * A withdrawal takes back what the person agreed to: recording it clears the contact and
 * sharing ticks (whatever the form still sent), and while it stands they cannot be ticked
 * again (the person agrees again: clear the withdrawal first). Returns the fields to write and
 * the note the person's history keeps of the change, written in the association's working
 * language like the other notes Tremplin writes itself (null when there is nothing to say).
 */
function applyConsentWithdrawal<Fields extends Partial<CandidateFields>>(
  db: ReadDb,
  sent: Fields,
  before: ConsentBefore,
  today: string,
): { fields: Fields & CandidateWrite; note: CandidateNote | null } {
  const ticks = applyConsentTicks(sent, before, today);
  const fields = ticks.fields;
  const noted = (text: string | null, occurredAt = today): CandidateNote | null => {
    const texts = [...(text ? [text] : []), ...ticks.notes];
    return texts.length === 0 ? null : { occurredAt, text: texts.join(' ') };
  };
  const after = { consentWithdrawnOn: fields.consentWithdrawnOn === undefined ? before.consentWithdrawnOn : fields.consentWithdrawnOn };
  if (!consentWithdrawn(after)) {
    return { fields, note: noted(consentWithdrawn(before) ? 'Retrait du consentement annulé : la personne a de nouveau donné son accord.' : null) };
  }
  if (consentWithdrawn(before)) {
    const errors: Record<string, string> = {};
    if (fields.consentContact === true) errors.consentContact = 'candidates.errors.consentWithdrawnTicks';
    if ((fields.sharingPartnerIds ?? []).length > 0) errors.sharingPartnerIds = 'candidates.errors.consentWithdrawnTicks';
    if (Object.keys(errors).length > 0) refuse(errors);
    return { fields, note: noted(null) };
  }
  const contact = fields.consentContact ?? before.consentContact;
  const sharing = fields.sharingPartnerIds ?? before.sharingPartnerIds;
  const names = sharing.length === 0 ? [] : partnerNamesOf(db, sharing);
  const cleared = [
    ...(contact ? ['accord pour être contacté(e)'] : []),
    ...(names.length > 0 ? [`partage avec ${names.join(', ')}`] : []),
  ];
  const text = cleared.length > 0 ? `Consentement retiré. Retiré de la fiche : ${cleared.join(' ; ')}.` : 'Consentement retiré.';
  return {
    fields: { ...fields, consentContact: false, sharingPartnerIds: [] },
    note: noted(text, after.consentWithdrawnOn as string),
  };
}

/**
 * A caller who cannot read the health note (see store/scope.ts) sends the barriers back without
 * it: the stored note stays, rather than being erased by a form that never showed it.
 */
function keepHiddenHealthNote<Fields extends Partial<CandidateFields>>(db: ReadDb, id: string, fields: Fields, before: readonly Barrier[]): Fields {
  if (fields.barriers === undefined || healthNoteVisible(db, id)) return fields;
  const storedNote = before.find((barrier) => barrier.theme === 'health')?.action ?? null;
  return { ...fields, barriers: fields.barriers.map((barrier) => (barrier.theme === 'health' ? { ...barrier, action: storedNote } : barrier)) };
}

/**
 * A file a volunteer opens (at a drop-in session, say) is theirs to follow, unless it names its
 * referent or pair: without it, the file would leave their scope the moment it was written.
 */
function referentOf(fields: CandidateFields): CandidateFields {
  const caller = currentCaller();
  if (caller?.role !== 'volunteer' || caller.volunteerId === null || fields.assignedVolunteerId || fields.assignedPairId) return fields;
  return { ...fields, assignedVolunteerId: caller.volunteerId };
}

export function createCandidateService(db: WriteDb, clock: Clock = systemClock) {
  const todayPlus = (days: number) => new Date(clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  const load = (row: CandidateRow): Candidate => loadCandidates(db, [row])[0] as Candidate;

  function checkConsistency(candidate: Parameters<typeof candidateConsistencyErrors>[0]) {
    const errors = candidateConsistencyErrors(candidate);
    if (Object.keys(errors).length > 0) refuse(errors);
  }

  const get = (id: string): Candidate => load(findCandidate(db, id));
  /** An anonymised file is a statistical skeleton: nothing may change it (its exit, archived or not, is counted as it stands). */
  const writable = (id: string): string => {
    if (findCandidate(db, id).anonymisedAt) throw new AppError('conflict', 'retention.errors.anonymised');
    return id;
  };

  return {
    get: ({ id }: { id: string }) => get(id),

    /** Every change of the file's barriers, newest first. */
    barrierHistory({ id }: { id: string }): BarrierEvent[] {
      findCandidate(db, id);
      return barrierEventsOf(db, id).map((row) => {
        const theme = row.theme as BarrierTheme;
        const barrier = row.status === null ? null : { theme, status: row.status as BarrierStatus, action: row.action, changedOn: row.changedOn };
        return { id: row.id, theme, change: row.change as BarrierChange, barrier, author: row.author, createdAt: row.createdAt };
      });
    },

    create(fields: CandidateFields): Candidate {
      checkConsistency({
        authorisationStart: fields.authorisationStart ?? null,
        authorisationExpiry: fields.authorisationExpiry ?? null,
        consentDate: fields.consentDate ?? null,
        consentWithdrawnOn: fields.consentWithdrawnOn ?? null,
        birthDate: fields.birthDate ?? null,
        asylumRegisteredOn: fields.asylumRegisteredOn ?? null,
      });
      assertCandidateReferencesExist(db, fields);
      const { now } = moment(clock);
      const id = newId();
      const consent = applyConsentWithdrawal(db, fields, NO_CONSENT, now.slice(0, 10));
      insertCandidate(db, { id, fields: referentOf(consent.fields), note: consent.note, now });
      return get(id);
    },

    /** New files by the thousand (a spreadsheet import): the checks of `create`, written in batches; their ids, in order. */
    createMany(list: readonly CandidateFields[]): string[] {
      const { now } = moment(clock);
      const files = list.map((fields) => {
        checkConsistency({
          authorisationStart: fields.authorisationStart ?? null,
          authorisationExpiry: fields.authorisationExpiry ?? null,
          consentDate: fields.consentDate ?? null,
          consentWithdrawnOn: fields.consentWithdrawnOn ?? null,
          birthDate: fields.birthDate ?? null,
          asylumRegisteredOn: fields.asylumRegisteredOn ?? null,
        });
        const consent = applyConsentWithdrawal(db, fields, NO_CONSENT, now.slice(0, 10));
        return { id: newId(), fields: referentOf(consent.fields), note: consent.note };
      });
      // Every file's references checked at once: an import names the same few partners and sectors again and again.
      const distinct = <T>(values: T[]) => [...new Set(values)];
      assertCandidateReferencesExist(db, {
        sectorIds: distinct(files.flatMap(({ fields }) => fields.sectorIds ?? [])),
        sharingPartnerIds: distinct(files.flatMap(({ fields }) => fields.sharingPartnerIds ?? [])),
      });
      for (const key of ['referralPartnerId', 'assignedPairId', 'assignedVolunteerId'] as const) {
        for (const id of distinct(files.map(({ fields }) => fields[key]).filter((value): value is string => Boolean(value)))) assertCandidateReferencesExist(db, { [key]: id });
      }
      insertCandidates(db, files, now);
      return files.map((file) => file.id);
    },

    /** Changes only the fields sent; the whole file is checked again afterwards. */
    update({ id, author, ...sent }: CandidatePatch): Candidate {
      const current = findCandidate(db, id);
      if (current.anonymisedAt) throw new AppError('conflict', 'retention.errors.anonymised');
      checkConsistency({ ...current, ...candidateColumns(sent) } as CandidateRow);
      assertCandidateReferencesExist(db, sent);
      const { now } = moment(clock);
      const consent = applyConsentWithdrawal(db, sent, load(current), now.slice(0, 10));
      const barriersBefore = consent.fields.barriers === undefined ? [] : barriersOf(db, id);
      const patch = keepHiddenHealthNote(db, id, consent.fields, barriersBefore);
      updateCandidate(db, { id, patch, barriersBefore, author: author ?? null, note: consent.note, now });
      return get(id);
    },

    list(input: ParsedInputOf<'candidates.list'>): CandidatePage {
      const expiringWithin = input.authorisationExpiringWithinDays;
      return candidatePage(db, input, expiringWithin === undefined ? undefined : todayPlus(expiringWithin));
    },

    /** The whole list with these filters, in its order, `size` files at a time (an export). */
    pages(input: Omit<ParsedInputOf<'candidates.list'>, 'limit' | 'offset'>, size: number): Generator<CandidateSummary[]> {
      const expiringWithin = input.authorisationExpiringWithinDays;
      return candidatePagesInOrder(db, input, expiringWithin === undefined ? undefined : todayPlus(expiringWithin), size);
    },

    /** Freezes the file (GDPR art. 18): kept and shown, but neither matched, exported nor contacted, and no write but the lifting. */
    restrict({ id, reason }: { id: string; reason: RestrictionReason }): Candidate {
      if (isRestricted(findCandidate(db, id))) refuse('candidates.errors.alreadyRestricted');
      setRestriction(db, id, { at: moment(clock).now, reason, by: currentCaller()?.name ?? null });
      return get(id);
    },

    liftRestriction({ id }: { id: string }): Candidate {
      if (!isRestricted(findCandidate(db, id))) refuse('candidates.errors.notRestricted');
      setRestriction(db, id, null);
      return get(id);
    },

    archive: ({ id }: { id: string }) => load(setCandidateArchived(db, writable(id), true, moment(clock).now)),
    restore: ({ id }: { id: string }) => load(setCandidateArchived(db, writable(id), false, moment(clock).now)),
  };
}

export type CandidateService = ReturnType<typeof createCandidateService>;
