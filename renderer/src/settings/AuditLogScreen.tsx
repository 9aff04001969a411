import { dateFormat } from '../../../shared/dateFormat';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_SUBJECT_TYPES, type AuditEntryView } from '../../../shared/audit';
import { call } from '../api/client';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { downloadText } from '../exchange/files';
import { useMay } from '../session/useMay';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FilterSelect } from '../ui/FilterSelect';
import { useApiValue } from '../ui/useApiValue';
import { AuditPersonFilter } from './AuditPersonFilter';
import { type AuditFilters, NO_FILTERS, auditQuery, subjectLabelKey } from './auditFilters';
import { SettingsTabs } from './SettingsTabs';
import './AuditLog.css';
import { TableScroll } from '../ui/TableScroll';

const PAGE_SIZE = 50;

function formatMoment(value: string, language: string): string {
  return dateFormat(language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(value));
}

/** Settings › Audit log: who did what and when, filtered, a page at a time, and saved as CSV. */
export function AuditLogScreen() {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = auditQuery(filters);
  const { state } = useApiValue('audit.list', { ...query, offset, limit: PAGE_SIZE });
  const accounts = useApiValue('accounts.list', useMay('accounts.list') ? { includeDisabled: true } : null);
  const accountOptions = accounts.state.status === 'ready' ? accounts.state.value.map((account) => ({ value: account.id, label: account.name })) : [];
  const subjectOptions = AUDIT_SUBJECT_TYPES.map((type) => ({ value: type, label: t(`accounts.ui.audit.subjects.${type}`) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  const change = (next: Partial<AuditFilters>) => {
    setFilters({ ...filters, ...next });
    setOffset(0);
  };

  async function exportCsv() {
    setExportError(null);
    setExporting(true);
    const result = await call('audit.exportCsv', query);
    setExporting(false);
    if (!result.ok) return setExportError(result.error.message);
    downloadText(result.value.csv, result.value.fileName, 'text/csv;charset=utf-8');
  }

  const total = state.status === 'ready' ? state.value.total : 0;
  return (
    <div className="screen" data-testid="audit-log">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.ui.title')}
        </h1>
      </header>
      <SettingsTabs current="audit" />
      <section className="card settings-card audit" aria-labelledby="audit-title">
        <div className="audit-head">
          <div>
            <h2 id="audit-title">{t('accounts.ui.audit.title')}</h2>
            <p className="muted">{t('accounts.ui.audit.intro')}</p>
          </div>
          <button type="button" className="button button-secondary" disabled={exporting} onClick={() => void exportCsv()}>
            {t('accounts.ui.audit.export')}
          </button>
        </div>
        <ErrorAlert messageKey={exportError} />
        <fieldset className="audit-filters">
          <legend className="visually-hidden">{t('accounts.ui.audit.filters')}</legend>
          <div className="audit-filter audit-filter-person">
            <label className="audit-filter-label" htmlFor="audit-person">
              {t('accounts.ui.audit.person')}
            </label>
            <AuditPersonFilter chosen={filters.candidate} onChange={(candidate) => change({ candidate })} />
          </div>
          <div className="audit-filter">
            <span className="audit-filter-label">{t('accounts.ui.audit.account')}</span>
            <FilterSelect
              label={t('accounts.ui.audit.account')}
              anyLabel={t('accounts.ui.audit.anyAccount')}
              value={filters.accountId}
              options={accountOptions}
              onChange={(accountId) => change({ accountId })}
            />
          </div>
          <div className="audit-filter">
            <span className="audit-filter-label">{t('accounts.ui.audit.recordType')}</span>
            <FilterSelect
              label={t('accounts.ui.audit.recordType')}
              anyLabel={t('accounts.ui.audit.anyRecord')}
              value={filters.subjectType}
              options={subjectOptions}
              onChange={(subjectType) => change({ subjectType })}
            />
          </div>
          <label className="audit-filter">
            <span className="audit-filter-label">{t('accounts.ui.audit.from')}</span>
            <DateInput value={filters.from} onChange={(event) => change({ from: event.target.value })} />
          </label>
          <label className="audit-filter">
            <span className="audit-filter-label">{t('accounts.ui.audit.to')}</span>
            <DateInput value={filters.to} onChange={(event) => change({ to: event.target.value })} />
          </label>
        </fieldset>
        <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
        {state.status === 'ready' && state.value.items.length === 0 && <p className="muted">{t('accounts.ui.audit.empty')}</p>}
        {state.status === 'ready' && state.value.items.length > 0 && (
          <>
            <TableScroll label={t('accounts.ui.audit.entries')}>
              <table className="data-table compact-table audit-table" data-testid="audit-table">
                <caption className="visually-hidden">{t('accounts.ui.audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('accounts.ui.audit.at')}</th>
                    <th scope="col">{t('accounts.ui.audit.who')}</th>
                    <th scope="col">{t('accounts.ui.audit.action')}</th>
                    <th scope="col">{t('accounts.ui.audit.record')}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.value.items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} language={i18n.language} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <div className="audit-pages">
              <span className="muted" aria-live="polite">
                {t('accounts.ui.audit.range', { first: offset + 1, last: offset + state.value.items.length, total })}
              </span>
              <button type="button" className="button button-secondary button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {t('accounts.ui.audit.previous')}
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={offset + PAGE_SIZE >= total}
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('accounts.ui.audit.next')}
              </button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function AuditRow({ entry, language }: { entry: AuditEntryView; language: string }) {
  const { t } = useTranslation();
  const labelKey = subjectLabelKey(entry);
  return (
    <tr data-testid="audit-row">
      <td className="nowrap">{formatMoment(entry.at, language)}</td>
      <td>{entry.actor ?? <span className="muted">{t('accounts.ui.audit.nobody')}</span>}</td>
      <td>
        <code className="audit-action">{entry.action}</code>
      </td>
      <td>
        {labelKey ? t(labelKey) : entry.subjectType}
        <span className="cell-secondary audit-subject-id">{entry.subjectId}</span>
      </td>
    </tr>
  );
}
