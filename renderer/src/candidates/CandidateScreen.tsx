import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { CandidateForm } from './CandidateForm';
import { BackLink, CandidateRecord, RECORD_TABS, type RecordTab } from './CandidateRecord';

/** The short form that opens a new file. */
export function NewCandidateScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  return (
    <div className="screen screen-narrow">
      <BackLink />
      <header className="screen-header">
        <div>
          <h1>{t('candidates.ui.new')}</h1>
          <p className="screen-subtitle">{t('candidates.ui.form.newIntro')}</p>
        </div>
      </header>
      <CandidateForm
        onCreated={(candidate) => {
          showNotice('candidates.ui.notices.created');
          // The "new" form becomes the record's page; Back then returns to the list, not to an empty form.
          navigate({ section: 'candidates', id: candidate.id }, { replace: true });
        }}
        onCancel={() => navigate({ section: 'candidates' })}
      />
    </div>
  );
}

function isRecordTab(value: string | undefined): value is RecordTab {
  return (RECORD_TABS as readonly (string | undefined)[]).includes(value);
}

/** One candidate's complete file, section by section, with its history. */
export function CandidateScreen({ id, tab }: { id: string; tab: string | undefined }) {
  const { state, replace } = useApiValue('candidates.get', { id }, { notFoundKey: 'candidates.errors.notFound' });

  if (state.status === 'loading') {
    return (
      <div className="screen">
        <BackLink />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="screen screen-narrow">
        <BackLink />
        <ErrorAlert messageKey={state.messageKey} />
      </div>
    );
  }
  return <CandidateRecord candidate={state.value} tab={isRecordTab(tab) ? tab : 'identity'} onChange={replace} />;
}

