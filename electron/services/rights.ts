import type { ParsedInputOf } from '../../shared/api';
import type { Language } from '../../shared/i18n/languages';
import {
  ANSWERED_BY_ACCESS_COPY,
  type AccessExport,
  type ErasureReason,
  type ErasureResult,
  type PartnerErasureRequest,
  type PartnerToTell,
  type RightsRequest,
  rightsRequestDeadline,
} from '../../shared/rights';
import { addDays } from '../../shared/dates';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import { emptyLog } from '../db/checkpoints';
import type { ReadDb, WriteDb } from '../db/handles';
import type { Db } from '../db/open';
import { auditRows, auditedTransaction, describeAudit } from '../store/audit';
import { currentCaller } from '../store/caller';
import {
  type PartnerErasureRow,
  type RightsRequestRow,
  answerRightsRequest,
  candidateNames,
  decidePartnerErasureRequest,
  findPartnerErasureRequest,
  findRightsRequest,
  insertRightsRequest,
  namesForCopy,
  openRightsRequests,
  partnerErasureRequestRows,
  rightsRequestsAbout,
} from '../store/rights-requests';
import { type HeldAboutPerson, accessCopyPdf } from './access-copy';
import { createCandidateService } from './candidates';
import { readAssociationProfile } from './exchange/keys';
import { createAppointmentService } from './appointments';
import { createPlanService } from './plans';
import {
  candidateExists,
  deletePersonRows,
  heldBackAmong,
  erasedStillPresent,
  exchangeEntriesNaming,
  filesOfPerson,
  isErased,
  journeyRows, partnersWhoReceived, registerErasure } from '../store/rights';

/**
 * The people's rights. Erasure (art. 17) deletes every row about the person in one transaction,
 * writes their id in the register, then empties the write-ahead log into the file (where
 * `secure_delete` has already overwritten the freed bytes), so nothing of them stays on disk.
 */
export function createRightsService(db: Db, clock: Clock = systemClock) {
  function filesOf(candidateId: string): string[] {
    if (!candidateExists(db, candidateId)) {
      if (isErased(db, candidateId)) throw new AppError('conflict', 'rights.errors.alreadyErased');
      throw new AppError('not_found', 'rights.errors.notFound');
    }
    return filesOfPerson(db, candidateId);
  }

  const candidateFiles = createCandidateService(db, clock);
  const plans = createPlanService(db, clock);
  const appointments = createAppointmentService(db, clock);

  /** Everything held about the person: the one content both the JSON and the PDF copies give. */
  function heldAbout(candidateId: string, now: string): HeldAboutPerson {
    const ids = filesOf(candidateId);
    return {
      exportedAt: now,
      files: ids.map((id) => ({
        ...candidateFiles.get({ id }),
        barrierHistory: candidateFiles.barrierHistory({ id }),
        plan: plans.get({ candidateId: id }),
        appointments: appointments.list({ candidateId: id }),
      })),
      ...journeyRows(db, ids),
      exchanges: exchangeEntriesNaming(db, ids),
      audit: ids.flatMap((id) => auditRows(db, { candidateId: id, subjectType: null, subjectId: null, from: null, to: null })),
      requests: rightsRequestsAbout(db, ids).map(({ row }) => ({
        kind: row.kind,
        receivedOn: row.receivedOn,
        channel: row.channel,
        requester: row.requester,
        answeredOn: row.answeredOn,
      })),
    };
  }

  function pdfOf(held: HeldAboutPerson, language: Language): Promise<Buffer> {
    const ids = <T>(rows: Record<string, unknown>[], key: string) => rows.map((row) => row[key]).filter((value): value is T => typeof value === 'string');
    const journey = [...held.presentations, ...held.placements, ...held.recruitments];
    const names = namesForCopy(db, {
      employers: ids(journey, 'employerId'),
      jobNeeds: ids(journey, 'jobNeedId'),
      partners: [...held.sharingConsents.map((consent) => consent.partnerId), ...held.files.flatMap((file) => (file.referralPartnerId ? [file.referralPartnerId] : []))],
      sectors: held.files.flatMap((file) => file.sectorIds),
      sessions: ids(held.sessionVisits, 'sessionId'),
      volunteers: held.files.flatMap((file) => (file.assignedVolunteerId ? [file.assignedVolunteerId] : [])),
      pairs: held.files.flatMap((file) => (file.assignedPairId ? [file.assignedPairId] : [])),
    });
    const association = readAssociationProfile(db)?.name ?? null;
    return accessCopyPdf(held, names, association, language);
  }

  function requestView(row: RightsRequestRow, candidateName: string | null, today: string): RightsRequest {
    return {
      id: row.id,
      candidateId: row.candidateId,
      candidateName,
      kind: row.kind as RightsRequest['kind'],
      receivedOn: row.receivedOn,
      channel: row.channel as RightsRequest['channel'],
      requester: row.requester as RightsRequest['requester'],
      answeredOn: row.answeredOn,
      ...rightsRequestDeadline(row.receivedOn, today),
    };
  }

  function requireOpenRequest(id: string): RightsRequestRow {
    const row = findRightsRequest(db, id);
    if (!row) throw new AppError('not_found', 'rights.errors.requestNotFound');
    if (row.answeredOn) throw new AppError('conflict', 'rights.errors.alreadyAnswered');
    return row;
  }

  function partnerRequestView(row: PartnerErasureRow): PartnerErasureRequest {
    const names = candidateNames(db, row.candidateIds);
    return {
      id: row.id,
      associationName: row.associationName,
      files: row.candidateIds.flatMap((id) => {
        const name = names.get(id);
        return name ? [{ id, name }] : [];
      }),
      erasedOn: row.erasedOn,
      receivedAt: row.receivedAt,
      decision: row.decision as PartnerErasureRequest['decision'],
      declineReason: row.declineReason,
    };
  }

  function erase({ candidateId, reason }: { candidateId: string; reason: ErasureReason }): ErasureResult {
    const { now } = moment(clock);
    const result = auditedTransaction(db, now, (tx) => eraseIn(tx, candidateId, reason, now));
    emptyLog(db.$client);
    return result;
  }

  /** The erasure's writes, inside the caller's transaction. */
  function eraseIn(tx: WriteDb, candidateId: string, reason: ErasureReason, now: string): ErasureResult {
    const ids = filesOf(candidateId);
    const partnersToTell = partnersWhoReceived(tx, ids);
    deletePersonRows(tx, ids);
    registerErasure(
      tx,
      ids.map((id) => ({ candidateId: id, erasedAt: now, accountId: currentCaller()?.accountId ?? null, reason })),
    );
    describeAudit(now, { action: 'rights.erase', subjectType: 'candidate', subjectId: candidateId, details: { reason, files: ids.length } });
    return { erasedIds: ids, erasedAt: now, partnersToTell };
  }

  return {
    /**
     * Everything held about the person (art. 15, and art. 20's portable copy): their file and
     * those merged into it, their barriers' history, journey, sharing consents, the exchanges
     * that named them, the audit log's entries about them and their requests, as one JSON
     * document or a PDF in their language. Naming their open access or portability request
     * answers it today, with the copy; the copy itself is logged, by id.
     */
    async accessExport(input: ParsedInputOf<'rights.accessExport'>): Promise<AccessExport> {
      const { now, today } = moment(clock);
      const held = heldAbout(input.candidateId, now);
      if (input.answersRequestId) {
        const request = requireOpenRequest(input.answersRequestId);
        if (!held.files.some((file) => file.id === request.candidateId) || !ANSWERED_BY_ACCESS_COPY.includes(request.kind as RightsRequest['kind'])) {
          refuse('rights.errors.notAnsweredByCopy');
        }
      }
      const stem = `tremplin-${input.candidateId.slice(0, 8)}-${today}`;
      const file =
        input.format === 'pdf'
          ? { fileName: `${stem}.pdf`, mimeType: 'application/pdf', content: (await pdfOf(held, input.language)).toString('base64') }
          : { fileName: `${stem}.json`, mimeType: 'application/json', content: `${JSON.stringify(held, null, 2)}\n` };
      auditedTransaction(db, now, (tx) => {
        // Checked again: another call may have answered it while the PDF was written.
        if (input.answersRequestId && !answerRightsRequest(tx, input.answersRequestId, today, currentCaller()?.accountId ?? null)) {
          throw new AppError('conflict', 'rights.errors.alreadyAnswered');
        }
        describeAudit(now, {
          action: 'rights.accessExport',
          subjectType: 'candidate',
          subjectId: input.candidateId,
          details: { format: input.format, language: input.language, ...(input.answersRequestId ? { answered: input.answersRequestId } : {}) },
        });
      });
      return { ...file, answeredRequestId: input.answersRequestId ?? null };
    },

    erasurePreview({ candidateId }: { candidateId: string }): { partnersToTell: PartnerToTell[] } {
      return { partnersToTell: partnersWhoReceived(db, filesOf(candidateId)) };
    },

    erase,

    /** A person's request about their data, in the register (the law gives one month to answer). */
    recordRequest(input: ParsedInputOf<'rights.recordRequest'>): RightsRequest {
      const { now, today } = moment(clock);
      if (!candidateExists(db, input.candidateId)) throw new AppError('not_found', 'rights.errors.notFound');
      if (input.receivedOn > today) refuse({ receivedOn: 'common.errors.dateInFuture' });
      const row: RightsRequestRow = { id: newId(), ...input, recordedBy: currentCaller()?.accountId ?? null, createdAt: now, answeredOn: null, answeredBy: null };
      insertRightsRequest(db, row);
      describeAudit(now, { action: 'rights.recordRequest', subjectType: 'rightsRequest', subjectId: row.id, details: { kind: input.kind, candidateId: input.candidateId } });
      return requestView(row, candidateNames(db, [row.candidateId]).get(row.candidateId) ?? null, today);
    },

    answerRequest({ id, answeredOn }: ParsedInputOf<'rights.answerRequest'>): RightsRequest {
      const { today } = moment(clock);
      const request = requireOpenRequest(id);
      if (answeredOn > today) refuse({ answeredOn: 'common.errors.dateInFuture' });
      if (answeredOn < request.receivedOn) refuse({ answeredOn: 'rights.errors.answerBeforeRequest' });
      answerRightsRequest(db, id, answeredOn, currentCaller()?.accountId ?? null);
      const row = findRightsRequest(db, id) as RightsRequestRow;
      return requestView(row, candidateNames(db, [row.candidateId]).get(row.candidateId) ?? null, today);
    },

    listRequests({ candidateId }: ParsedInputOf<'rights.listRequests'>): RightsRequest[] {
      const { today } = moment(clock);
      const rows = candidateId ? rightsRequestsAbout(db, filesOf(candidateId)) : openRightsRequests(db);
      return rows.map(({ row, candidateName }) => requestView(row, candidateName, today));
    },

    /** Partners' requests to erase someone: those to decide, then those decided in the last 90 days. */
    partnerErasureRequests(): PartnerErasureRequest[] {
      return partnerErasureRequestRows(db, addDays(moment(clock).today, -90)).map(partnerRequestView);
    },

    /**
     * The staffer's decision on a partner's request: erase the person here (as `rights.erase`,
     * in the same transaction as the decision) or decline with a reason. Nothing else erases.
     */
    answerPartnerErasure(input: ParsedInputOf<'rights.answerPartnerErasure'>): PartnerErasureRequest {
      const { now } = moment(clock);
      const request = findPartnerErasureRequest(db, input.id);
      if (!request) throw new AppError('not_found', 'rights.errors.requestNotFound');
      if (request.decidedAt) throw new AppError('conflict', 'rights.errors.alreadyAnswered');
      const here = request.candidateIds.filter((id) => candidateExists(db, id));
      if (input.decision === 'erase' && here.length === 0) throw new AppError('conflict', 'rights.errors.alreadyErased');
      auditedTransaction(db, now, (tx) => {
        if (input.decision === 'erase') {
          // The person's files here: the first one found and those merged into it are one person.
          for (const id of here) if (candidateExists(tx, id)) eraseIn(tx, id, 'request', now);
        }
        decidePartnerErasureRequest(tx, input.id, {
          decidedAt: now,
          decision: input.decision === 'erase' ? 'erased' : 'declined',
          declineReason: input.decision === 'decline' ? input.reason : null,
        });
        describeAudit(now, { action: 'rights.answerPartnerErasure', subjectType: 'rightsRequest', subjectId: input.id, details: { decision: input.decision } });
      });
      if (input.decision === 'erase') emptyLog(db.$client);
      return partnerRequestView(findPartnerErasureRequest(db, input.id) as PartnerErasureRow);
    },
  };
}

/**
 * Erases again, inside the caller's transaction, every person of the register found in the
 * database (after a restore of a copy older than their erasure); the ids erased.
 */
export function eraseRegisteredAgain(tx: WriteDb): string[] {
  const ids = erasedStillPresent(tx);
  if (ids.length > 0) deletePersonRows(tx, ids);
  return ids;
}

export type RightsService = ReturnType<typeof createRightsService>;

/** A partner's records without the people erased here (their files and timelines); how many files were left out. */
export function withoutHeldBack<Records extends { candidates: { id: string }[]; timelineEvents: { subjectId: string }[] }>(
  db: ReadDb,
  records: Records,
): { records: Records; leftOut: number } {
  const heldBack = heldBackAmong(db, records.candidates.map((record) => record.id));
  if (heldBack.size === 0) return { records, leftOut: 0 };
  return {
    records: {
      ...records,
      candidates: records.candidates.filter((record) => !heldBack.has(record.id)),
      timelineEvents: records.timelineEvents.filter((event) => !heldBack.has(event.subjectId)),
    },
    leftOut: heldBack.size,
  };
}
