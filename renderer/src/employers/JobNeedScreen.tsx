import { useTranslation } from 'react-i18next';
import type { Employer, JobNeed } from '../../../shared/employers';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { useArchiveToggle } from '../ui/useArchiveToggle';
import { needMatchesHash } from '../app/routes';
import { PresentationList } from '../matching/presentations/PresentationList';
import { JobNeedForm } from './JobNeedForm';
import { type BackLinkProps, NewRecordFrame, RecordFrame, RecordPending } from '../ui/RecordFrame';
import { needRequirements } from '../ui/jobNeeds';
import { useMay } from '../session/useMay';

interface JobNeedScreenProps {
  employerId: string;
  /** Null: a new need for this employer. */
  needId: string | null;
}

/** One job need of an employer (`#/employers/ID/needs/NEED_ID`), or a new one (`…/needs/new`). */
export function JobNeedScreen({ employerId, needId }: JobNeedScreenProps) {
  const { t } = useTranslation();
  const employer = useApiValue('employers.get', { id: employerId }, { notFoundKey: 'employers.errors.notFound' });
  const need = useApiValue('jobNeeds.get', needId === null ? null : { id: needId }, { notFoundKey: 'employers.errors.jobNeedNotFound' });
  const employerName = employer.state.status === 'ready' ? employer.state.value.name : null;
  const back: BackLinkProps = {
    section: 'employers',
    id: employerId,
    label: employerName ? t('employers.ui.needs.backTo', { name: employerName }) : t('employers.ui.backToList'),
  };
  if (employer.state.status !== 'ready') return <RecordPending back={back} state={employer.state} />;
  if (needId === null) return <NewJobNeed employer={employer.state.value} back={back} />;
  if (need.state.status !== 'ready') return <RecordPending back={back} state={need.state} />;
  if (need.state.value.employerId !== employerId) return <RecordPending back={back} state={{ status: 'error', messageKey: 'employers.errors.jobNeedNotFound' }} />;
  return <JobNeedRecord employer={employer.state.value} need={need.state.value} back={back} onChange={need.replace} />;
}

function NewJobNeed({ employer, back }: { employer: Employer; back: BackLinkProps }) {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  const toEmployer = () => navigate({ section: 'employers', id: employer.id });
  if (employer.archivedAt) {
    return (
      <NewRecordFrame back={back} title={t('employers.ui.needs.new')} intro={t('employers.ui.needs.form.newIntro', { name: employer.name })}>
        <ErrorAlert messageKey="employers.errors.employerArchived" />
      </NewRecordFrame>
    );
  }
  return (
    <NewRecordFrame back={back} title={t('employers.ui.needs.new')} intro={t('employers.ui.needs.form.newIntro', { name: employer.name })}>
      <JobNeedForm
        employer={employer}
        need={null}
        readOnly={false}
        onSaved={() => {
          showNotice('employers.ui.needs.notices.created');
          // Back to the employer, where the new need now heads the list.
          navigate({ section: 'employers', id: employer.id }, { replace: true });
        }}
        onCancel={toEmployer}
      />
    </NewRecordFrame>
  );
}

interface JobNeedRecordProps {
  employer: Employer;
  need: JobNeed;
  back: BackLinkProps;
  onChange(need: JobNeed): void;
}

function JobNeedRecord({ employer, need, back, onChange }: JobNeedRecordProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  const mayArchive = useMay('jobNeeds.archive');
  const archive = useArchiveToggle((archived) => call(archived ? 'jobNeeds.archive' : 'jobNeeds.restore', { id: need.id }), onChange);
  const requirements = needRequirements(need, t);

  return (
    <RecordFrame
      back={back}
      title={need.occupation}
      subtitle={t('employers.ui.needs.record.subtitle', {
        employer: employer.name,
        contract: t(`employers.values.contractTypes.${need.contractType}`),
        date: formatDate(need.createdAt, i18n.language, 'long'),
      })}
      facts={
        <ul className="record-facts">
          <li>
            <span className={`status need-state-${need.state}`}>{t(`employers.values.jobNeedStates.${need.state}`)}</span>
          </li>
          {requirements.map((requirement) => (
            <li key={requirement}>{requirement}</li>
          ))}
        </ul>
      }
      archivedAt={need.archivedAt}
      archive={archive}
      mayArchive={mayArchive}
      texts="employers.ui.needs.record"
      className="screen-narrow"
    >
      <NeedPresentations need={need} />
      <JobNeedForm
        employer={employer}
        need={need}
        readOnly={need.archivedAt !== null}
        onSaved={(saved) => {
          showNotice('common.ui.notices.saved');
          onChange(saved);
        }}
        onCancel={() => navigate({ section: 'employers', id: employer.id })}
      />
    </RecordFrame>
  );
}

/** The candidates put forward for this need, and the way to find more. */
function NeedPresentations({ need }: { need: JobNeed }) {
  const { t } = useTranslation();
  return (
    <section className="card side-card need-presentations" aria-labelledby="need-presentations-title">
      <div className="side-card-header">
        <h2 id="need-presentations-title">{t('matching.ui.presentations.forNeed.title')}</h2>
        {need.archivedAt === null && (
          <a className="button button-primary button-small" href={needMatchesHash(need.id)} data-testid="find-candidates">
            {t('matching.ui.presentations.forNeed.findCandidates')}
          </a>
        )}
      </div>
      <PresentationList jobNeedId={need.id} />
    </section>
  );
}
