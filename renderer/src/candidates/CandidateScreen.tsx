import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/candidates';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { BackIcon } from '../app/icons';
import { routeToHash, useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { CandidateForm } from './CandidateForm';
import { fullName } from './names';

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; messageKey: string }
  | { status: 'ready'; candidate: Candidate | null };

/** One candidate's record, or an empty form when `id` is null. */
export function CandidateScreen({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  const [state, setState] = useState<LoadState>(id === null ? { status: 'ready', candidate: null } : { status: 'loading' });
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    async function load(candidateId: string) {
      const result = await call('candidates.get', { id: candidateId });
      if (!current) return;
      if (result.ok) setState({ status: 'ready', candidate: result.value });
      // A malformed id in the address is, for the user, a record that does not exist.
      else if (result.error.code === 'validation') setState({ status: 'error', messageKey: 'errors.candidateNotFound' });
      else setState({ status: 'error', messageKey: result.error.message });
    }
    void load(id);
    return () => {
      current = false;
    };
  }, [id]);

  const loadedId = state.status === 'ready' ? state.candidate?.id : undefined;
  useEffect(() => {
    if (loadedId !== undefined) headingRef.current?.focus();
  }, [loadedId]);

  const backLink = (
    <a className="back-link" href={routeToHash({ section: 'candidates' })}>
      <BackIcon />
      <span>{t('candidates.backToList')}</span>
    </a>
  );

  if (state.status === 'loading') return <div className="screen screen-narrow">{backLink}</div>;
  if (state.status === 'error') {
    return (
      <div className="screen screen-narrow">
        {backLink}
        <p className="alert alert-error" role="alert">
          {t(state.messageKey)}
        </p>
      </div>
    );
  }

  const { candidate } = state;

  async function setArchived(record: Candidate, archived: boolean) {
    setActionError(null);
    setBusy(true);
    const result = await call(archived ? 'candidates.archive' : 'candidates.restore', { id: record.id });
    setBusy(false);
    if (!result.ok) {
      setActionError(result.error.message);
      return;
    }
    setState({ status: 'ready', candidate: result.value });
    showNotice(archived ? 'notices.archived' : 'notices.restored');
  }

  function onSaved(saved: Candidate) {
    showNotice('notices.saved');
    if (candidate === null) {
      // The "new" form becomes the record's page; Back then returns to the list, not to an empty form.
      navigate({ section: 'candidates', id: saved.id }, { replace: true });
    } else {
      setState({ status: 'ready', candidate: saved });
    }
  }

  return (
    <div className="screen screen-narrow">
      {backLink}
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {candidate ? fullName(candidate) : t('candidates.new')}
          </h1>
          {candidate && (
            <p className="screen-subtitle">
              {t('candidates.record.dates', {
                created: formatDate(candidate.createdAt, i18n.language, 'long'),
                updated: formatDate(candidate.updatedAt, i18n.language, 'long'),
              })}
            </p>
          )}
        </div>
        {candidate && candidate.archivedAt === null && (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void setArchived(candidate, true)}
          >
            {t('candidates.record.archive')}
          </button>
        )}
      </header>

      {candidate?.archivedAt && (
        <div className="banner" data-testid="archived-banner">
          <div>
            <p className="banner-title">
              {t('candidates.record.archivedOn', { date: formatDate(candidate.archivedAt, i18n.language, 'long') })}
            </p>
            <p>{t('candidates.record.archivedExplanation')}</p>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void setArchived(candidate, false)}
          >
            {t('candidates.record.restore')}
          </button>
        </div>
      )}

      {actionError && (
        <p className="alert alert-error" role="alert">
          {t(actionError)}
        </p>
      )}

      <CandidateForm
        key={candidate?.id ?? 'new'}
        candidate={candidate}
        readOnly={Boolean(candidate?.archivedAt)}
        onSaved={onSaved}
        onCancel={() => navigate({ section: 'candidates' })}
      />
    </div>
  );
}
