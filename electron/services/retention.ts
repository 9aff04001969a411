import { addDays } from '../../shared/dates';
import {
  type AnonymiseResult,
  DEFAULT_RETENTION_SETTINGS,
  type KeepReason,
  PRESENTATION_DETAILS_DAYS,
  RETENTION_NOTICE_DAYS,
  type RetentionDueList,
  type RetentionRunResult,
  type RetentionSettings,
  retentionDueOn,
  retentionSettingsSchema,
} from '../../shared/retention';
import { type Clock, moment, systemClock } from '../core/clock';
import { AppError } from '../core/errors';
import { emptyLog } from '../db/checkpoints';
import type { ReadDb } from '../db/handles';
import type { Db } from '../db/open';
import { auditedTransaction, describeAudit, insertAuditEntry } from '../store/audit';
import { currentCaller } from '../store/caller';
import { anonymiseRows, clearPresentationNotes, dueFiles, expiredFileIds, keepFile, presentationsWithExpiredNotes, retentionStateOf } from '../store/retention';
import { filesOfPerson, isErased } from '../store/rights';
import { readSetting, writeSetting } from '../store/settings';

const SETTINGS_KEY = 'retention';

export function retentionSettingsOf(db: ReadDb): RetentionSettings {
  return readSetting(db, SETTINGS_KEY, retentionSettingsSchema) ?? DEFAULT_RETENTION_SETTINGS;
}

/**
 * Retention with notice (shared/retention.ts): files near their date are listed for an
 * administrator to keep (with a reason), anonymise or erase; a file whose date passed with no
 * decision is anonymised by `runExpired`, which the backend calls once the database is open and
 * then every hour (backup first, one transaction, audited). Anonymising goes through the
 * erasure's own steps for the copies of a person (store/rights.ts) and its checkpoint.
 */
export function createRetentionService(db: Db, clock: Clock = systemClock, options: { backupFirst?: () => Promise<void> } = {}) {
  const days = () => retentionSettingsOf(db).candidateDays;

  function liveFile(candidateId: string) {
    const state = retentionStateOf(db, candidateId);
    if (!state) {
      if (isErased(db, candidateId)) throw new AppError('conflict', 'rights.errors.alreadyErased');
      throw new AppError('not_found', 'retention.errors.notFound');
    }
    if (state.anonymisedAt) throw new AppError('conflict', 'retention.errors.alreadyAnonymised');
    return state;
  }

  return {
    settings: (): RetentionSettings => retentionSettingsOf(db),

    saveSettings(input: RetentionSettings): RetentionSettings {
      writeSetting(db, SETTINGS_KEY, input);
      describeAudit(moment(clock).now, {
        action: 'retention.saveSettings',
        subjectType: 'retentionSettings',
        subjectId: '',
        details: { candidateDays: input.candidateDays, longerThanLegal: input.reasonForLonger !== null },
      });
      return input;
    },

    /** Files whose date falls within the notice (or has passed), the nearest first. */
    due({ offset, limit }: { offset: number; limit: number }): RetentionDueList {
      const period = days();
      const { today } = moment(clock);
      const { rows, total } = dueFiles(db, addDays(today, RETENTION_NOTICE_DAYS - period), { offset, limit });
      return {
        items: rows.map(({ referenceDay, ...row }) => ({ ...row, dueOn: addDays(referenceDay, period) })),
        total,
        candidateDays: period,
      };
    },

    /** Keeps a file one more period from today; the reason (a closed list) goes to the audit log. */
    keep({ candidateId, reason }: { candidateId: string; reason: KeepReason }): { candidateId: string; dueOn: string } {
      const state = liveFile(candidateId);
      const { now, today } = moment(clock);
      const period = days();
      if (retentionDueOn(state, period) > addDays(today, RETENTION_NOTICE_DAYS)) throw new AppError('conflict', 'retention.errors.notDue');
      keepFile(db, candidateId, today);
      describeAudit(now, { action: 'retention.keep', subjectType: 'candidate', subjectId: candidateId, details: { reason, days: period } });
      return { candidateId, dueOn: addDays(today, period) };
    },

    anonymise({ candidateId }: { candidateId: string }): AnonymiseResult {
      const { now } = moment(clock);
      const result = auditedTransaction(db, now, (tx) => {
        liveFile(candidateId);
        const ids = filesOfPerson(tx, candidateId);
        anonymiseRows(tx, ids, now);
        describeAudit(now, { action: 'retention.anonymise', subjectType: 'candidate', subjectId: candidateId, details: { files: ids.length } });
        return { anonymisedIds: ids, anonymisedAt: now };
      });
      emptyLog(db.$client);
      return result;
    },

    /**
     * What nobody decided on in time: every file past its date is anonymised (GDPR's safe default:
     * the statistics stay, the person goes), and the notes of presentations refused or left
     * unanswered past their period are removed. A backup first, then one transaction with one
     * audit entry; a run killed midway leaves the database as it was.
     */
    async runExpired(): Promise<RetentionRunResult> {
      const { today } = moment(clock);
      const lastReferenceDay = addDays(today, -days());
      const presentationsBefore = addDays(today, -PRESENTATION_DETAILS_DAYS);
      if (expiredFileIds(db, lastReferenceDay).length === 0 && presentationsWithExpiredNotes(db, presentationsBefore).length === 0) return { anonymised: 0, presentationsCleared: 0 };
      await options.backupFirst?.();
      const { now } = moment(clock);
      const result = db.transaction((tx) => {
        const expired = expiredFileIds(tx, lastReferenceDay);
        const ids = [...new Set(expired.flatMap((id) => filesOfPerson(tx, id)))];
        for (let start = 0; start < ids.length; start += 500) anonymiseRows(tx, ids.slice(start, start + 500), now);
        const notes = presentationsWithExpiredNotes(tx, presentationsBefore);
        clearPresentationNotes(tx, notes);
        const run = { anonymised: expired.length, presentationsCleared: notes.length };
        if (expired.length > 0 || notes.length > 0) insertAuditEntry(tx, now, currentCaller(), { action: 'retention.expired', subjectType: 'candidate', subjectId: '', details: run });
        return run;
      });
      emptyLog(db.$client);
      return result;
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
