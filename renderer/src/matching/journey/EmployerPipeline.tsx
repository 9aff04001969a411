import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useApiValue } from '../../ui/useApiValue';
import { PlacementStatus } from '../placements/PlacementStatus';
import { placementKindKey } from '../placements/format';
import { PresentationList } from '../presentations/PresentationList';
import { OutcomeClassBadge } from '../recruitments/OutcomeClassBadge';
import { recruitmentKindKey } from '../recruitments/format';
import { periodText } from './format';
import { journeyHash } from '../../app/routes';
import './journey.css';

const SHOWN = 100;

/**
 * The employer's side of the pipeline: the candidates presented to its needs and where each
 * stands, then the placements and recruitments with it, each leading to the person's journey.
 */
export function EmployerPipeline({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PipelineCard id="employer-presentations" title={t('matching.ui.employerView.presentations')}>
        <PresentationList employerId={employerId} />
      </PipelineCard>
      <PipelineCard id="employer-placements" title={t('matching.ui.employerView.placements')}>
        <EmployerPlacements employerId={employerId} />
      </PipelineCard>
      <PipelineCard id="employer-recruitments" title={t('matching.ui.employerView.recruitments')}>
        <EmployerRecruitments employerId={employerId} />
      </PipelineCard>
    </>
  );
}

function PipelineCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card side-card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="side-card-header">
        <h2 id={`${id}-title`}>{title}</h2>
      </div>
      {children}
    </section>
  );
}

interface PipelineRow {
  id: string;
  candidateId: string;
  candidateName: string;
  /** The kind of placement or contract, and its dates. */
  what: string;
  when: string;
  state: ReactNode;
}

/** People with what they did here and where it stands, each a link to the person's journey. */
function PipelineRows({ rows, label, testId }: { rows: PipelineRow[]; label: string; testId: string }) {
  return (
    <ul className="pipeline-items" aria-label={label}>
      {rows.map((row) => (
        <li key={row.id} className="pipeline-item" data-testid={testId}>
          <div className="pipeline-item-what">
            <a className="strong" href={journeyHash(row.candidateId)}>
              {row.candidateName}
            </a>
            <span className="cell-secondary">
              {row.what} · {row.when}
            </span>
          </div>
          <div className="pipeline-item-state">{row.state}</div>
        </li>
      ))}
    </ul>
  );
}

function EmployerPlacements({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useApiValue('placements.list', { employerId, limit: SHOWN });
  if (state.status === 'loading') return <p className="muted" aria-busy="true" />;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const { items, total } = state.value;
  if (items.length === 0) return <p className="muted">{t('matching.ui.employerView.noPlacement')}</p>;
  const rows = items.map((item) => ({
    ...item,
    what: t(placementKindKey(item.kind)),
    when: periodText(item.startDate, item.endDate, t, i18n.language),
    state: <PlacementStatus placement={item} />,
  }));
  return <PipelineRows rows={rows} label={t('matching.ui.employerView.placementsCaption', { count: total })} testId="employer-placement" />;
}

function EmployerRecruitments({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useApiValue('recruitments.list', { employerId, limit: SHOWN });
  if (state.status === 'loading') return <p className="muted" aria-busy="true" />;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const { items, total } = state.value;
  if (items.length === 0) return <p className="muted">{t('matching.ui.employerView.noRecruitment')}</p>;
  const rows = items.map((item) => ({
    ...item,
    what: t(recruitmentKindKey(item.kind)),
    when: periodText(item.startDate, item.endDate, t, i18n.language),
    state: <OutcomeClassBadge outcomeClass={item.outcomeClass} />,
  }));
  return <PipelineRows rows={rows} label={t('matching.ui.employerView.recruitmentsCaption', { count: total })} testId="employer-recruitment" />;
}
