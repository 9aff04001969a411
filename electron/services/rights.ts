import type { AccessExport, ErasureReason, ErasureResult, PartnerToTell } from '../../shared/rights';
import { type Clock, moment, systemClock } from '../core/clock';
import { AppError } from '../core/errors';
import type { ReadDb, WriteDb } from '../db/handles';
import type { Db } from '../db/open';
import { auditRows, auditedTransaction, describeAudit } from '../store/audit';
import { currentCaller } from '../store/caller';
import { createAppointmentService } from './appointments';
import { createCandidateService } from './candidates';
import { createPlanService } from './plans';
import {
  candidateExists,
  checkpointWal,
  deletePersonRows,
  erasedAmong,
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

  return {
    /**
     * Everything held about the person (art. 15, and art. 20's portable copy): their file and
     * those merged into it, their barriers' history, action plan and appointments, journey, sharing consents, the exchanges
     * that named them and the audit log's entries about them, as one JSON document.
     */
    accessExport({ candidateId }: { candidateId: string; format: 'json' }): AccessExport {
      const ids = filesOf(candidateId);
      const { now } = moment(clock);
      const document = {
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
      };
      return { fileName: `tremplin-${candidateId.slice(0, 8)}-${now.slice(0, 10)}.json`, content: `${JSON.stringify(document, null, 2)}\n` };
    },

    erasurePreview({ candidateId }: { candidateId: string }): { partnersToTell: PartnerToTell[] } {
      return { partnersToTell: partnersWhoReceived(db, filesOf(candidateId)) };
    },

    erase({ candidateId, reason }: { candidateId: string; reason: ErasureReason }): ErasureResult {
      const { now } = moment(clock);
      const result = auditedTransaction(db, now, (tx) => {
        const ids = filesOf(candidateId);
        const partnersToTell = partnersWhoReceived(tx, ids);
        deletePersonRows(tx, ids);
        registerErasure(
          tx,
          ids.map((id) => ({ candidateId: id, erasedAt: now, accountId: currentCaller()?.accountId ?? null, reason })),
        );
        describeAudit(now, { action: 'rights.erase', subjectType: 'candidate', subjectId: candidateId, details: { reason, files: ids.length } });
        return { erasedIds: ids, erasedAt: now, partnersToTell };
      });
      checkpointWal(db.$client);
      return result;
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
export function withoutErased<Records extends { candidates: { id: string }[]; timelineEvents: { subjectId: string }[] }>(
  db: ReadDb,
  records: Records,
): { records: Records; leftOut: number } {
  const erased = erasedAmong(db, records.candidates.map((record) => record.id));
  if (erased.size === 0) return { records, leftOut: 0 };
  return {
    records: {
      ...records,
      candidates: records.candidates.filter((record) => !erased.has(record.id)),
      timelineEvents: records.timelineEvents.filter((event) => !erased.has(event.subjectId)),
    },
    leftOut: erased.size,
  };
}
