import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../shared/partners';
import { call } from '../api/client';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { useCandidateListFilters } from '../candidates/listFilters';
import { type BackLinkProps, NewRecordFrame, RecordFrame, RecordPending } from '../ui/RecordFrame';
import { TimelinePanel } from '../ui/TimelinePanel';
import { useApiValue } from '../ui/useApiValue';
import { useArchiveToggle } from '../ui/useArchiveToggle';
import { PartnerForm } from './PartnerForm';
import { routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';

function useBackToList(): BackLinkProps {
  const { t } = useTranslation();
  return { section: 'partners', label: t('partners.ui.backToList') };
}

export function NewPartnerScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  return (
    <NewRecordFrame back={useBackToList()} title={t('partners.ui.new')} intro={t('partners.ui.form.newIntro')}>
      <PartnerForm
        partner={null}
        readOnly={false}
        onSaved={(partner) => {
          showNotice('partners.ui.notices.created');
          navigate({ section: 'partners', id: partner.id }, { replace: true });
        }}
        onCancel={() => navigate({ section: 'partners' })}
      />
    </NewRecordFrame>
  );
}

export function PartnerScreen({ id }: { id: string }) {
  const back = useBackToList();
  const { state, replace } = useApiValue('partners.get', { id }, { notFoundKey: 'partners.errors.notFound' });
  if (state.status !== 'ready') return <RecordPending back={back} state={state} />;
  return <PartnerRecord partner={state.value} back={back} onChange={replace} />;
}

function PartnerRecord({ partner, back, onChange }: { partner: Partner; back: BackLinkProps; onChange(partner: Partner): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const mayArchive = useMay('partners.archive');
  const archive = useArchiveToggle((archived) => call(archived ? 'partners.archive' : 'partners.restore', { id: partner.id }), onChange);
  const readOnly = partner.archivedAt !== null;
  const context = [t(`partners.values.kinds.${partner.kind}`), [partner.postalCode, partner.commune].filter(Boolean).join(' ')].filter(Boolean);

  return (
    <RecordFrame
      back={back}
      title={partner.name}
      subtitle={context.join(' · ')}
      archivedAt={partner.archivedAt}
      archive={archive}
      mayArchive={mayArchive}
      texts="partners.ui.record"
      className="record-wide"
    >
      <div className="record-columns">
        <PartnerForm
          key={partner.id}
          partner={partner}
          readOnly={readOnly}
          onSaved={(saved) => {
            showNotice('common.ui.notices.saved');
            onChange(saved);
          }}
        />
        <div className="record-side">
          <ReferredCard partner={partner} />
          <TimelinePanel subjectType="partner" subjectId={partner.id} readOnly={readOnly} />
        </div>
      </div>
    </RecordFrame>
  );
}

/** How many people this partner referred, and the way to the list of them. */
function ReferredCard({ partner }: { partner: Partner }) {
  const { t } = useTranslation();
  const showReferred = () => {
    // The candidates' list, filtered on this partner alone (other narrowing filters would hide some).
    const filters = useCandidateListFilters.getState();
    filters.clearNarrowing();
    filters.set({ query: '', archived: 'active', partnerId: partner.id });
  };
  return (
    <section className="card side-card" aria-labelledby="partner-referred-title">
      <h2 id="partner-referred-title">{t('partners.ui.record.referredTitle')}</h2>
      <p className="referred-count" data-testid="referred-count">
        {t('partners.ui.record.referredCount', { count: partner.referredCount })}
      </p>
      {partner.referredCount > 0 ? (
        <p className="referred-actions">
          <a href={routeToHash({ section: 'candidates' })} onClick={showReferred}>
            {t('partners.ui.record.showReferred')}
          </a>
          <span className="field-hint">{t('partners.ui.record.referredNote')}</span>
        </p>
      ) : (
        <p className="muted">{t('partners.ui.record.noneReferred')}</p>
      )}
    </section>
  );
}
