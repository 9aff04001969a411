import { describe, expect, it } from 'vitest';
import { AUDIT_SUBJECT_TYPES, auditFilterSchema } from '../../../../shared/audit';
import { LANGUAGES, translator } from '../../../../shared/i18n';
import { NO_FILTERS, auditQuery, subjectLabelKey } from '../../../../renderer/src/settings/auditFilters';

describe('the audit log filters', () => {
  it('asks for nothing when nothing is chosen, and only for whole dates', () => {
    expect(auditQuery(NO_FILTERS)).toEqual({});
    expect(auditQuery({ ...NO_FILTERS, from: '2026-1', to: '31/12/2026' })).toEqual({});
  });

  it('sends what the contract accepts', () => {
    const query = auditQuery({
      candidate: { id: '0190a0a0-0000-7000-8000-000000000001', name: 'Hélène Nakamura' },
      accountId: '0190a0a0-0000-7000-8000-000000000002',
      subjectType: 'placement',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(query).toEqual({
      candidateId: '0190a0a0-0000-7000-8000-000000000001',
      accountId: '0190a0a0-0000-7000-8000-000000000002',
      subjectType: 'placement',
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(auditFilterSchema.safeParse(query).success).toBe(true);
  });

  it('labels every kind of record an entry is about, in every language', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      const labels = AUDIT_SUBJECT_TYPES.map((type) => t(subjectLabelKey({ subjectType: type, action: 'candidates.get' }) ?? ''));
      expect(labels.filter((label) => label.startsWith('accounts.')), language).toEqual([]);
      expect(new Set(labels).size, language).toBe(AUDIT_SUBJECT_TYPES.length);
    }
  });

  it('labels an entry written before subjects were named in the singular by what it was about, and leaves an unknown name as it is', () => {
    const label = (subjectType: string, action: string) => subjectLabelKey({ subjectType, action })?.split('.').at(-1);
    expect(label('placement', 'placements.create')).toBe('placement');
    expect(label('placements', 'placements.create')).toBe('placement');
    expect(label('sessions', 'sessions.addVisit')).toBe('visit');
    expect(label('exchange', 'exchange.export')).toBe('export');
    // `session` was the sign-in's group; today it names a drop-in session.
    expect(label('session', 'session.signIn')).toBe('account');
    expect(label('session', 'sessions.create')).toBe('session');
    expect(label('audit', 'audit.purge')).toBe('audit');
    expect(label('candidates', 'sessions.intake')).toBe('candidate');
    expect(subjectLabelKey({ subjectType: 'somethingNew', action: 'candidates.get' })).toBeNull();
  });
});
