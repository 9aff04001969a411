import { useTranslation } from 'react-i18next';
import type { Employer } from '../../../shared/employers';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { formatSiret } from '../../../shared/employers';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { TimelinePanel } from '../ui/TimelinePanel';
import { useApiValue } from '../ui/useApiValue';
import { useArchiveToggle } from '../ui/useArchiveToggle';
import { EmployerForm } from './EmployerForm';
import { EmployerPipeline } from '../matching/journey/EmployerPipeline';
import { JobNeedsCard } from './JobNeedsCard';
import { type BackLinkProps, NewRecordFrame, RecordFrame, RecordPending } from '../ui/RecordFrame';
import { useSectorNames } from './sectorNames';
import { useMay } from '../session/useMay';

function useBackToList(): BackLinkProps {
  const { t } = useTranslation();
  return { section: 'employers', label: t('employers.ui.backToList') };
}

export function NewEmployerScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  return (
    <NewRecordFrame back={useBackToList()} title={t('employers.ui.new')} intro={t('employers.ui.form.newIntro')}>
      <EmployerForm
        employer={null}
        readOnly={false}
        onSaved={(employer) => {
          showNotice('employers.ui.notices.created');
          // The "new" form becomes the record's page; Back then returns to the list, not to an empty form.
          navigate({ section: 'employers', id: employer.id }, { replace: true });
        }}
        onCancel={() => navigate({ section: 'employers' })}
      />
    </NewRecordFrame>
  );
}

export function EmployerScreen({ id }: { id: string }) {
  const back = useBackToList();
  const { state, replace, reload } = useApiValue('employers.get', { id }, { notFoundKey: 'employers.errors.notFound' });
  if (state.status !== 'ready') return <RecordPending back={back} state={state} />;
  return <EmployerRecord employer={state.value} back={back} onChange={replace} onStale={() => void reload()} />;
}

interface EmployerRecordProps {
  employer: Employer;
  back: BackLinkProps;
  onChange(employer: Employer): void;
  /** Something the record shows changed elsewhere (a need's state, the history): ask again. */
  onStale(): void;
}

function EmployerRecord({ employer, back, onChange, onStale }: EmployerRecordProps) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const sectorName = useSectorNames();
  const mayArchive = useMay('employers.archive');
  const archive = useArchiveToggle(
    (archived) => call(archived ? 'employers.archive' : 'employers.restore', { id: employer.id }),
    onChange,
  );
  const readOnly = employer.archivedAt !== null;
  const context = [
    employer.sectorId && sectorName(employer.sectorId),
    [employer.postalCode, employer.commune].filter(Boolean).join(' '),
    employer.siret && t('employers.ui.record.siret', { siret: formatSiret(employer.siret) }),
  ].filter(Boolean);

  return (
    <RecordFrame
      back={back}
      title={employer.name}
      subtitle={context.length > 0 ? context.join(' · ') : undefined}
      facts={<EmployerFacts employer={employer} />}
      archivedAt={employer.archivedAt}
      archive={archive}
      mayArchive={mayArchive}
      texts="employers.ui.record"
      className="record-wide"
    >
      <div className="record-columns">
        <EmployerForm
          key={employer.id}
          employer={employer}
          readOnly={readOnly}
          onSaved={(saved) => {
            showNotice('common.ui.notices.saved');
            onChange(saved);
          }}
        />
        <div className="record-side">
          <JobNeedsCard employer={employer} readOnly={readOnly} onChange={onStale} />
          <EmployerPipeline employerId={employer.id} />
          <TimelinePanel subjectType="employer" subjectId={employer.id} readOnly={readOnly} onAdded={onStale} />
        </div>
      </div>
    </RecordFrame>
  );
}

/** At a glance: company contacts this year (funders count them), open needs, the charter. */
function EmployerFacts({ employer }: { employer: Employer }) {
  const { t, i18n } = useTranslation();
  const { year, count } = employer.companyContacts;
  return (
    <ul className="record-facts">
      <li data-testid="company-contacts" title={t('employers.ui.record.companyContactsHint')}>
        {t('employers.ui.record.companyContacts', { count, year })}
      </li>
      {employer.kind && <li data-testid="employer-kind">{t(`employers.values.kinds.${employer.kind}`)}</li>}
      <li className={employer.openNeeds > 0 ? 'fact-positive' : undefined}>
        {employer.openNeeds > 0 ? t('employers.ui.list.openNeedsCount', { count: employer.openNeeds }) : t('employers.ui.list.noOpenNeed')}
      </li>
      <li>
        {employer.charterSignedOn
          ? t('employers.ui.record.charterSigned', { date: formatDate(employer.charterSignedOn, i18n.language, 'long') })
          : t('employers.ui.record.charterNotSigned')}
      </li>
    </ul>
  );
}
