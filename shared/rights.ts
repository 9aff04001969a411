import { z } from 'zod';
import { addMonths, daysBetween } from './dates';
import { LANGUAGES } from './i18n/languages';
import { reads, writes } from './method';
import { optionalText, requiredIsoDate, uuid } from './validation';

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

/** Everything held about one person, as a JSON document or a PDF they can take away (art. 15 and 20). */
export interface AccessExport {
  fileName: string;
  mimeType: string;
  /** The JSON as text; the PDF's bytes in base64. */
  content: string;
  /** The access or portability request this copy answered (closed with today's date), if one was named. */
  answeredRequestId: string | null;
}

export const ACCESS_FORMATS = ['json', 'pdf'] as const;

// ---------------------------------------------------------------- The register of requests

/** What a person may ask about their data (GDPR art. 15 to 21). */
export const RIGHTS_REQUEST_KINDS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability'] as const;
export type RightsRequestKind = (typeof RIGHTS_REQUEST_KINDS)[number];
/** How the request reached the association. */
export const RIGHTS_REQUEST_CHANNELS = ['inPerson', 'letter', 'email', 'phone', 'other'] as const;
/** Who made it: the person, or someone acting for them (a lawyer, a guardian, a social worker with a mandate). */
export const RIGHTS_REQUESTERS = ['person', 'representative'] as const;

/**
 * GDPR art. 12(3): the answer is due within one month of receipt (extendable by two months for
 * complex requests, which the association must then say within the first month). One rule for
 * the server's list and the screens' days left: due the same date a month later.
 */
export const RIGHTS_ANSWER_MONTHS = 1;

export function rightsRequestDeadline(receivedOn: string, today: string): { dueOn: string; daysLeft: number; late: boolean } {
  const dueOn = addMonths(receivedOn, RIGHTS_ANSWER_MONTHS);
  const daysLeft = daysBetween(today, dueOn);
  return { dueOn, daysLeft, late: daysLeft < 0 };
}

/** The kinds a copy of everything held answers. */
export const ANSWERED_BY_ACCESS_COPY: readonly RightsRequestKind[] = ['access', 'portability'];

export interface RightsRequest {
  id: string;
  candidateId: string;
  /** The person's name while their file is here; null once erased (the request stays, by id). */
  candidateName: string | null;
  kind: RightsRequestKind;
  receivedOn: string;
  channel: (typeof RIGHTS_REQUEST_CHANNELS)[number];
  requester: (typeof RIGHTS_REQUESTERS)[number];
  answeredOn: string | null;
  dueOn: string;
  daysLeft: number;
  late: boolean;
}

export const rightsRequestSchema = z.strictObject({
  candidateId: uuid,
  kind: z.enum(RIGHTS_REQUEST_KINDS, { error: 'common.errors.choice' }),
  receivedOn: requiredIsoDate(),
  channel: z.enum(RIGHTS_REQUEST_CHANNELS, { error: 'common.errors.choice' }),
  requester: z.enum(RIGHTS_REQUESTERS, { error: 'common.errors.choice' }),
});

// ---------------------------------------------------------------- Partners' erasure requests

/** A partner's request to erase a person, as it arrived in an exchange file (art. 17 and 19). */
export interface PartnerErasureRequest {
  id: string;
  associationName: string;
  /** The person's files here, with their names (none left once erased or when none is here). */
  files: { id: string; name: string }[];
  erasedOn: string;
  receivedAt: string;
  decision: 'erased' | 'declined' | null;
  declineReason: string | null;
}

export const PARTNER_ERASURE_DECISIONS = ['erase', 'decline'] as const;

export const rightsMethods = {
  'rights.erase': writes<ErasureResult>('rights')(
    z.strictObject({ candidateId: uuid, reason: z.enum(ERASURE_REASONS, { error: 'common.errors.choice' }) }),
  ),
  /**
   * A copy of everything held, in the language chosen; naming an open access or portability
   * request closes it with today's date (so it writes: the answer is recorded and audited).
   */
  'rights.accessExport': writes<AccessExport>('rightsRequests')(
    z.strictObject({
      candidateId: uuid,
      format: z.enum(ACCESS_FORMATS, { error: 'common.errors.choice' }).default('json'),
      language: z.enum(LANGUAGES, { error: 'common.errors.choice' }).default('fr'),
      answersRequestId: uuid.optional(),
    }),
  ),
  /** The partners to tell, shown in the confirmation before anything is erased. */
  'rights.erasurePreview': reads<{ partnersToTell: PartnerToTell[] }>('rights')(z.strictObject({ candidateId: uuid })),
  'rights.recordRequest': writes<RightsRequest>('rightsRequests')(rightsRequestSchema),
  'rights.answerRequest': writes<RightsRequest>('rightsRequests')(z.strictObject({ id: uuid, answeredOn: requiredIsoDate() })),
  /** The requests still open, the most urgent first (the home screen), or every request about one person. */
  'rights.listRequests': reads<RightsRequest[]>('rightsRequests')(z.strictObject({ candidateId: uuid.optional() })),
  'rights.partnerErasureRequests': reads<PartnerErasureRequest[]>('rights')(z.strictObject({})),
  /** The staffer's answer to a partner's request: erase the person here, or decline with a reason. */
  'rights.answerPartnerErasure': writes<PartnerErasureRequest>('rights')(
    z.discriminatedUnion('decision', [
      z.strictObject({ id: uuid, decision: z.literal('erase') }),
      z.strictObject({ id: uuid, decision: z.literal('decline'), reason: optionalText(500).refine((value) => value !== null, { error: 'rights.errors.declineReason' }) }),
    ]),
  ),
};
