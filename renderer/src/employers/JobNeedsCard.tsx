import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobNeedState } from '../../../shared/domain';
import type { Employer, JobNeed } from '../../../shared/employers';
import { today } from '../../../shared/validation';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { PlusIcon } from '../app/icons';
import { routeToHash } from '../app/routes';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { isOutdated, needRequirements, needSummary } from '../ui/jobNeeds';
import { STATE_ACTIONS } from './needs';
import { SheetImportLink } from '../imports/SheetImportLink';

interface JobNeedsCardProps {
  employer: Employer;
  readOnly: boolean;
  /** A need's state changed: the employer's counts are stale. */
  onChange(): void;
}

/** The employer's open job needs, each with its requirements and a one-click change of state; filled and closed ones folded below. */
export function JobNeedsCard({ employer, readOnly, onChange }: JobNeedsCardProps) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const open = employer.jobNeeds.filter((need) => need.state === 'open');
  const done = employer.jobNeeds.filter((need) => need.state !== 'open');
  const item = (need: JobNeed) => (
    <NeedItem key={need.id} need={need} readOnly={readOnly} busy={pending === need.id} onState={(state) => void setState(need, state)} />
  );

  async function setState(need: JobNeed, state: JobNeedState) {
    setError(null);
    setPending(need.id);
    const result = await call('jobNeeds.setState', { id: need.id, state });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showNotice(`employers.ui.needs.notices.${state}`);
    onChange();
  }

  return (
    <section className="card side-card" aria-labelledby="employer-needs-title">
      <div className="side-card-header">
        <h2 id="employer-needs-title">{t('employers.ui.needs.title')}</h2>
        {!readOnly && (
          <a className="button button-secondary button-small" href={routeToHash({ section: 'employers', id: employer.id, rest: ['needs', 'new'] })}>
            <PlusIcon />
            <span>{t('employers.ui.needs.new')}</span>
          </a>
        )}
      </div>
      <ErrorAlert messageKey={error} />
      {open.length === 0 ? (
        <p className="muted">{t(readOnly ? 'employers.ui.needs.emptyArchived' : 'employers.ui.needs.empty')}</p>
      ) : (
        <ul className="need-list">{open.map(item)}</ul>
      )}
      {done.length > 0 && (
        <details className="need-done">
          <summary>{t('employers.ui.needs.done', { count: done.length })}</summary>
          <ul className="need-list">{done.map(item)}</ul>
        </details>
      )}
      {!readOnly && (
        <p className="need-import">
          <SheetImportLink kind="jobNeeds" small />
        </p>
      )}
      {showArchived ? (
        <ArchivedNeeds employerId={employer.id} />
      ) : (
        <button type="button" className="button button-link need-archived-toggle" onClick={() => setShowArchived(true)}>
          {t('employers.ui.needs.showArchived')}
        </button>
      )}
    </section>
  );
}

interface NeedItemProps {
  need: JobNeed;
  readOnly: boolean;
  busy: boolean;
  onState(state: JobNeedState): void;
}

function NeedItem({ need, readOnly, busy, onState }: NeedItemProps) {
  const { t, i18n } = useTranslation();
  const titleId = `need-${need.id}-title`;
  const requirements = needRequirements(need, t);
  return (
    <li className={`need-item need-item-${need.state}`} data-testid="job-need">
      <div className="need-head">
        <a id={titleId} className="need-title" href={routeToHash({ section: 'employers', id: need.employerId, rest: ['needs', need.id] })}>
          {need.occupation}
        </a>
        <span className={`status need-state-${need.state}`} data-testid="job-need-state">
          {t(`employers.values.jobNeedStates.${need.state}`)}
        </span>
      </div>
      <p className="need-summary">{needSummary(need, t, i18n.language)}</p>
      {need.validUntil && (
        <p className={isOutdated(need, today()) ? 'need-validity need-outdated' : 'need-validity'}>
          {t(isOutdated(need, today()) ? 'employers.ui.needs.outdated' : 'employers.ui.needs.validUntil', {
            date: formatDate(need.validUntil, i18n.language),
          })}
        </p>
      )}
      <div className="need-foot">
        {requirements.length > 0 && (
          <ul className="need-requirements" aria-label={t('employers.ui.needs.requirementsLabel')}>
            {requirements.map((requirement) => (
              <li key={requirement}>{requirement}</li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <div className="need-actions">
            {STATE_ACTIONS[need.state].map((action) => (
              <button
                key={action.state}
                type="button"
                className="button button-secondary button-small"
                aria-describedby={titleId}
                disabled={busy}
                onClick={() => onState(action.state)}
              >
                {t(action.label)}
              </button>
            ))}
          </div>
        )}
      </div>
    </li>
  );
}

/** Needs put aside, to open and restore one. */
function ArchivedNeeds({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useApiValue('jobNeeds.list', { employerId, archived: 'archived', limit: 100 });
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const needs = state.value.items;
  return (
    <div className="need-archived">
      <h3>{t('employers.ui.needs.archivedTitle')}</h3>
      {needs.length === 0 ? (
        <p className="muted">{t('employers.ui.needs.noArchived')}</p>
      ) : (
        <ul className="plain-list">
          {needs.map((need) => (
            <li key={need.id}>
              <a href={routeToHash({ section: 'employers', id: employerId, rest: ['needs', need.id] })}>{need.occupation}</a>
              <span className="muted"> · {needSummary(need, t, i18n.language)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
