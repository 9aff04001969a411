import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { authorisationReason, jobPeriod } from '../../../electron/matching/criteria';
import { createNeedMatcher } from '../../../electron/matching/matcher';
import {
  AUTHORISATION_VERDICTS,
  type AuthorisationPeriod,
  authorisationAllowed,
  authorisationCode,
  authorisationFinding,
  authorisationReads,
  recordedPeriod,
} from '../../../shared/authorisation';
import { AUTHORISATION_DOCUMENTS } from '../../../shared/domain';
import { TODAY, candidate, need } from '../../support/matching';

/** Days around the edges the rule compares: the start, the end, six months on, the 14- and 60-day gaps. */
const DAYS = [
  '2025-01-01',
  '2025-09-09',
  '2025-09-10',
  '2026-03-09',
  '2026-03-10',
  '2026-04-01',
  '2026-06-30',
  '2026-08-01',
  '2026-08-02',
  '2026-09-16',
  '2026-09-17',
  '2026-09-29',
  '2026-09-30',
  '2026-10-01',
  '2027-06-30',
];
const date = fc.constantFrom(null, ...DAYS);
const day = fc.constantFrom(...DAYS);

const holder = fc.record({
  authorisationDocument: fc.constantFrom(null, ...AUTHORISATION_DOCUMENTS),
  authorisationStart: date,
  authorisationExpiry: date,
  employerMustApply: fc.boolean(),
  asylumRegisteredOn: date,
});

/** As matching asks (a need's period from today) and as recording asks (the work's own days). */
const period: fc.Arbitrary<AuthorisationPeriod> = fc.oneof(
  fc
    .record({ startDate: date, endDate: date, authorisationThroughContract: fc.boolean() })
    .map((fields) => jobPeriod(fields, TODAY)),
  fc.record({ start: day, end: date }).map(({ start, end }) => recordedPeriod(start, end !== null && end >= start ? end : null)),
);

const activity = fc.constantFrom('employment' as const, 'pmsmp' as const);

describe('the work-authorisation rule', () => {
  test.prop([holder, period, activity], { numRuns: 2000 })('its pass/fail answer is the full finding’s, and the finding says what its code says', (fields, dates, work) => {
    const finding = authorisationFinding(fields, dates, work);
    expect(authorisationAllowed(fields, dates, work)).toBe(finding.allowed);
    expect(authorisationCode(fields, dates, work)).toBe(finding.code);
    expect({ allowed: finding.allowed, employerApplication: finding.employerApplication }).toEqual(AUTHORISATION_VERDICTS[finding.code]);
  });

  test.prop([holder, holder, period], { numRuns: 3000 })('holders it reads alike get the same finding for employment', (fields, other, dates) => {
    // The other holder made to read as this one wherever it can: the fields the text leaves out come from `other`.
    for (const mixed of [
      { ...other, authorisationDocument: fields.authorisationDocument, employerMustApply: fields.employerMustApply },
      { ...other, authorisationDocument: fields.authorisationDocument, employerMustApply: fields.employerMustApply, asylumRegisteredOn: fields.asylumRegisteredOn },
      { ...fields, asylumRegisteredOn: other.asylumRegisteredOn },
      { ...fields, authorisationStart: other.authorisationStart, authorisationExpiry: other.authorisationExpiry },
      other,
    ]) {
      if (authorisationReads(mixed) === authorisationReads(fields)) expect(authorisationFinding(mixed, dates)).toEqual(authorisationFinding(fields, dates));
    }
  });

  test.prop(
    [holder, fc.record({ startDate: date, endDate: date, authorisationThroughContract: fc.boolean() })],
    { numRuns: 1000 },
  )('matching’s fast pass fails a file exactly when the reason it shows fails', (fields, needFields) => {
    const needProfile = need(needFields);
    const file = candidate(fields);
    const reason = authorisationReason(file, jobPeriod(needProfile, TODAY));
    expect(createNeedMatcher(needProfile, TODAY).fails('authorisation', file, [])).toBe(reason.verdict === 'fail');
  });
});
