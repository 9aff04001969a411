import { z } from 'zod';
import { reads, writes } from './method';
import { requiredIsoDate, requiredText, uuid } from './validation';

/**
 * Programmes and funders an association reports to ("FSE+ 2026", "PLIE", "Fondation X"): named
 * by an administrator in Settings, set on a candidate's file with the day the person joined,
 * and a population filter of the reports. Local to the association: not in the exchange payload
 * (a partner's programmes are its own, and the exchange carries the person's file, not its funding).
 */
export interface Programme {
  id: string;
  name: string;
  archivedAt: string | null;
}

/** A file's place in a programme. */
export interface CandidateProgramme {
  programmeId: string;
  joinedOn: string;
}

const membership = z.strictObject({
  programmeId: uuid,
  joinedOn: requiredIsoDate(),
});

export const candidateProgrammesSchema = z.strictObject({
  /** The candidate. */
  id: uuid,
  /** The whole list: replaces what the file had. */
  programmes: z
    .array(membership)
    .max(50)
    .refine((items) => new Set(items.map((item) => item.programmeId)).size === items.length, { message: 'programmes.errors.twice' }),
});

export const programmeMethods = {
  /** Names only: any signed-in account may read them (the reports' filter, a file's programmes). */
  'programmes.list': reads<Programme[]>('signedIn')(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'programmes.create': writes<Programme>('settings')(z.strictObject({ name: requiredText(80) })),
  'programmes.rename': writes<Programme>('settings')(z.strictObject({ id: uuid, name: requiredText(80) })),
  'programmes.archive': writes<Programme>('settings')(z.strictObject({ id: uuid })),
  'programmes.restore': writes<Programme>('settings')(z.strictObject({ id: uuid })),
  'programmes.ofCandidate': reads<CandidateProgramme[]>('candidates.read')(z.strictObject({ id: uuid })),
  'programmes.setForCandidate': writes<CandidateProgramme[]>('candidates.write')(candidateProgrammesSchema),
};
