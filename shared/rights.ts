import { z } from 'zod';
import { reads, writes } from './method';
import { uuid } from './validation';

/** The people's own rights over what the association holds about them (GDPR art. 15, 17, 20). */

/** Why a person was erased: a closed list, so the register and the audit log hold no free text. */
export const ERASURE_REASONS = ['request', 'consentWithdrawn', 'retention', 'unlawful'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** A partner association that received a file naming the person: the staffer tells them (art. 19). */
export interface PartnerToTell {
  associationId: string | null;
  name: string | null;
  /** The latest export to them that named the person. */
  lastSentAt: string;
}

export interface ErasureResult {
  /** The files erased: the one asked for and those merged into it (the same person). */
  erasedIds: string[];
  erasedAt: string;
  partnersToTell: PartnerToTell[];
}

/** Everything held about one person, as a JSON document they can take away (art. 15 and 20). */
export interface AccessExport {
  fileName: string;
  content: string;
}

export const rightsMethods = {
  'rights.erase': writes<ErasureResult>('rights')(
    z.strictObject({ candidateId: uuid, reason: z.enum(ERASURE_REASONS, { error: 'common.errors.choice' }) }),
  ),
  /** The partners to tell, shown in the confirmation before anything is erased. */
  'rights.accessExport': reads<AccessExport>('rights')(z.strictObject({ candidateId: uuid, format: z.enum(['json'], { error: 'common.errors.choice' }).default('json') })),
  'rights.erasurePreview': reads<{ partnersToTell: PartnerToTell[] }>('rights')(z.strictObject({ candidateId: uuid })),
};
