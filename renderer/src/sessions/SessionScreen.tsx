import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DropinSession, IntakeResult, SessionVisit } from '../../../shared/sessions';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { ArchivedBanner } from '../ui/ArchivedBanner';
import { ARCHIVE_BUTTON_ID, focusWhenShown } from '../ui/focus';
import { useRecordTitle } from '../ui/recordTitle';
import { BackLink } from '../ui/BackLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SearchField } from '../ui/SearchField';
import { useSectors } from '../ui/sectors';
import { useApiValue } from '../ui/useApiValue';
import { useArchiveToggle } from '../ui/useArchiveToggle';
import { IntakeForm } from './IntakeForm';
import { SessionForm } from './SessionForm';
import { VisitsTable } from './VisitsTable';
import { formatDay } from './format';

const EDIT_BUTTON_ID = 'session-edit';

/**
 * A drop-in session's page, for a busy room: the quick intake on top, then the people seen,
 * newest first, with an instant filter. The date, place and volunteers present can be changed.
 */
export function SessionScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, replace, reload } = useApiValue('sessions.get', { id }, { notFoundKey: 'sessions.errors.notFound' });
  const { sectors } = useSectors();
  const [editing, setEditing] = useState(false);
  const [filter, setFilter] = useState('');
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const archiving = useArchiveToggle<DropinSession>((archived) => call(archived ? 'sessions.archive' : 'sessions.restore', { id }), replace);

  const backLink = <BackLink section="sessions" label={t('sessions.ui.backToList')} />;

  useRecordTitle(state.status === 'ready' ? t('sessions.ui.record.title', { date: formatDay(state.value.date, i18n.language) }) : null);

  if (state.status !== 'ready') {
    return (
      <div className="screen">
        {backLink}
        <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      </div>
    );
  }

  const session = state.value;
  const archived = session.archivedAt !== null;

  async function onRecorded(result: IntakeResult) {
    setHighlightId(result.visit.id);
    setFilter('');
    showNotice(result.created ? 'sessions.ui.intake.recordedNew' : 'sessions.ui.intake.recorded');
    await reload();
  }

  async function removeVisit(visit: SessionVisit) {
    setActionError(null);
    const result = await call('sessions.removeVisit', { id: visit.id });
    if (!result.ok) setActionError(result.error.message);
    else showNotice('sessions.ui.visits.removed');
    await reload();
    document.getElementById('intake-firstName')?.focus();
  }

  function closeEditor() {
    setEditing(false);
    focusWhenShown(EDIT_BUTTON_ID);
  }

  const day = formatDay(session.date, i18n.language);

  return (
    <div className="screen session-screen">
      {backLink}
      <header className="screen-header session-header">
        <div>
          <h1>{t('sessions.ui.record.title', { date: day })}</h1>
          <p className="screen-subtitle session-facts">
            <span className="strong">{session.place}</span>
            <span aria-hidden="true"> · </span>
            <span data-testid="session-volunteers">
              {session.volunteers.length === 0
                ? t('sessions.ui.record.noVolunteers')
                : t('sessions.ui.record.volunteers', {
                    names: session.volunteers.map((volunteer) => `${volunteer.firstName} ${volunteer.lastName}`).join(', '),
                  })}
            </span>
            {!archived && !editing && (
              <button id={EDIT_BUTTON_ID} type="button" className="button button-quiet"
                aria-label={t('sessions.ui.record.editLabel')}
                onClick={() => setEditing(true)}
              >
                {t('sessions.ui.record.edit')}
              </button>
            )}
          </p>
          {session.notes && <p className="session-notes">{session.notes}</p>}
        </div>
        {!archived && (
          <button id={ARCHIVE_BUTTON_ID} type="button" className="button button-secondary" disabled={archiving.busy}
            onClick={() => archiving.setArchived(true)}
          >
            {t('sessions.ui.record.archive')}
          </button>
        )}
      </header>

      {archived && session.archivedAt && (
        <ArchivedBanner
          title={t('sessions.ui.record.archivedOn', { date: formatDate(session.archivedAt, i18n.language, 'long') })}
          explanation={t('sessions.ui.record.archivedExplanation')}
          restoreLabel={t('sessions.ui.record.restore')}
          busy={archiving.busy}
          onRestore={() => archiving.setArchived(false)}
        />
      )}

      <ErrorAlert messageKey={actionError ?? archiving.error} />

      {editing && (
        <section className="session-editor" aria-label={t('sessions.ui.record.editTitle')}>
          <SessionForm
            session={session}
            onSaved={(saved) => {
              replace(saved);
              showNotice('common.ui.notices.saved');
              closeEditor();
            }}
            onCancel={closeEditor}
          />
        </section>
      )}

      {/* Hidden, not unmounted, while the session is edited: coming back, it would take the focus
          from the Edit button, and what was being typed would be lost. */}
      {!archived && (
        <div hidden={editing}>
          <IntakeForm sessionId={session.id} sectors={sectors} onRecorded={(result) => void onRecorded(result)} />
        </div>
      )}

      <section className="card visits" aria-labelledby="visits-title">
        <div className="visits-header">
          <h2 id="visits-title">
            {t('sessions.ui.visits.title')} <span className="count-badge" data-testid="visit-count">{session.visits.length}</span>
          </h2>
          {session.visits.length > 0 && (
            <SearchField
              id="visit-filter"
              className="visits-filter"
              label={t('sessions.ui.visits.filterLabel')}
              placeholder={t('sessions.ui.visits.filterPlaceholder')}
              value={filter}
              onChange={setFilter}
              focusOnMount={false}
            />
          )}
        </div>
        <VisitsTable visits={session.visits} filter={filter} highlightId={highlightId} readOnly={archived} onRemove={removeVisit} />
      </section>
    </div>
  );
}
