import { describe, expect, it } from 'vitest';
import { auditFilterSchema } from '../../../../shared/audit';
import { AUDIT_SUBJECT_TYPES, NO_FILTERS, auditQuery, subjectLabelKey } from '../../../../renderer/src/settings/auditFilters';

describe('the audit log filters', () => {
  it('asks for nothing when nothing is chosen, and only for whole dates', () => {
    expect(auditQuery(NO_FILTERS)).toEqual({});
    expect(auditQuery({ ...NO_FILTERS, from: '2026-1', to: '31/12/2026' })).toEqual({});
  });

  it('sends what the contract accepts', () => {
    const query = auditQuery({
      candidate: { id: '0190a0a0-0000-7000-8000-000000000001', name: 'Hélène Nakamura' },
      accountId: '0190a0a0-0000-7000-8000-000000000002',
      subjectType: 'placements',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(query).toEqual({
      candidateId: '0190a0a0-0000-7000-8000-000000000001',
      accountId: '0190a0a0-0000-7000-8000-000000000002',
      subjectType: 'placements',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(auditFilterSchema.safeParse(query).success).toBe(true);
  });

  it('labels a record by its group, whichever name the entry used, and leaves an unknown one as it is', () => {
    for (const type of AUDIT_SUBJECT_TYPES) expect(subjectLabelKey(type)).toBe(`accounts.ui.audit.subjects.${type}`);
    expect(subjectLabelKey('placement')).toBe('accounts.ui.audit.subjects.placements');
    expect(subjectLabelKey('candidate')).toBe('accounts.ui.audit.subjects.candidates');
    expect(subjectLabelKey('partnerCard')).toBe('accounts.ui.audit.subjects.partnerCard');
    // The sign-in's group is not a drop-in session.
    expect(subjectLabelKey('session')).toBe('accounts.ui.audit.subjects.session');
    expect(subjectLabelKey('somethingNew')).toBeNull();
  });
});
