import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Volunteer } from '../../../shared/volunteers';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { fullName } from '../ui/names';
import { ArchivedBanner } from '../ui/ArchivedBanner';
import { ARCHIVE_BUTTON_ID } from '../ui/focus';
import { useRecordTitle } from '../ui/recordTitle';
import { BackLink } from '../ui/BackLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { useArchiveToggle } from '../ui/useArchiveToggle';
import { HoursPanel } from './HoursPanel';
import { VolunteerStatus } from './VolunteerListScreen';
import { VolunteerForm } from './VolunteerForm';
import { pairNames, pairScope } from './names';
import { routeToHash } from '../app/routes';

/** One volunteer's record with their pairs and hours, or an empty form when `id` is null. */
export function VolunteerScreen({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  const { state, replace } = useApiValue('volunteers.get', id === null ? null : { id }, { notFoundKey: 'volunteers.errors.notFound' });
  const archiving = useArchiveToggle<Volunteer>((archived) => call(archived ? 'volunteers.archive' : 'volunteers.restore', { id: id ?? '' }), replace);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const volunteer = id === null ? null : state.status === 'ready' ? state.value : undefined;
  const loadedId = volunteer?.id;
  useRecordTitle(volunteer ? fullName(volunteer) : null);
  useEffect(() => {
    if (loadedId !== undefined) headingRef.current?.focus();
  }, [loadedId]);

  const backLink = <BackLink section="volunteers" label={t('volunteers.ui.backToList')} />;

  if (volunteer === undefined) {
    return (
      <div className="screen screen-narrow">
        {backLink}
        <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      </div>
    );
  }

  function onSaved(saved: Volunteer) {
    showNotice('common.ui.notices.saved');
    if (volunteer === null) navigate({ section: 'volunteers', id: saved.id }, { replace: true });
    else replace(saved);
  }

  const form = (
    <VolunteerForm
      key={volunteer?.id ?? 'new'}
      volunteer={volunteer}
      readOnly={Boolean(volunteer?.archivedAt)}
      onSaved={onSaved}
      onCancel={() => navigate({ section: 'volunteers' })}
    />
  );

  return (
    <div className={volunteer ? 'screen' : 'screen screen-narrow'}>
      {backLink}
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {volunteer ? fullName(volunteer) : t('volunteers.ui.new')}
          </h1>
          {volunteer && (
            <p className="screen-subtitle">
              <VolunteerStatus volunteer={volunteer} />{' '}
              {t('volunteers.ui.record.dates', {
                created: formatDate(volunteer.createdAt, i18n.language, 'long'),
                updated: formatDate(volunteer.updatedAt, i18n.language, 'long'),
              })}
            </p>
          )}
        </div>
        {volunteer && volunteer.archivedAt === null && (
          <button id={ARCHIVE_BUTTON_ID} type="button" className="button button-secondary" disabled={archiving.busy}
            onClick={() => archiving.setArchived(true)}
          >
            {t('volunteers.ui.record.archive')}
          </button>
        )}
      </header>

      {volunteer?.archivedAt && (
        <ArchivedBanner
          title={t('volunteers.ui.record.archivedOn', { date: formatDate(volunteer.archivedAt, i18n.language, 'long') })}
          explanation={t('volunteers.ui.record.archivedExplanation')}
          restoreLabel={t('volunteers.ui.record.restore')}
          busy={archiving.busy}
          onRestore={() => archiving.setArchived(false)}
        />
      )}

      <ErrorAlert messageKey={archiving.error} />

      {volunteer === null ? (
        form
      ) : (
        <div className="record-columns">
          {form}
          <div className="record-side">
            <HoursPanel volunteer={volunteer} readOnly={Boolean(volunteer.archivedAt)} />
            <PairsCard volunteer={volunteer} />
          </div>
        </div>
      )}
    </div>
  );
}

function PairsCard({ volunteer }: { volunteer: Volunteer }) {
  const { t } = useTranslation();
  return (
    <section className="card side-card" aria-labelledby="volunteer-pairs-title">
      <div className="side-card-header">
        <h2 id="volunteer-pairs-title">{t('volunteers.ui.record.pairs')}</h2>
        <a href={routeToHash({ section: 'volunteers', id: 'pairs' })}>{t('volunteers.ui.record.managePairs')}</a>
      </div>
      {volunteer.pairs.length === 0 ? (
        <p className="muted">{t('volunteers.ui.record.noPair')}</p>
      ) : (
        <ul className="plain-list" data-testid="volunteer-pairs">
          {volunteer.pairs.map((pair) => (
            <li key={pair.id}>
              <span className="strong">{pairScope(pair, t)}</span>
              <span className="muted"> · {pairNames(pair, t)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
