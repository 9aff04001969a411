import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement, PlacementSummary } from '../../../../shared/pipeline';
import { daysBetween } from '../../../../shared/dates';
import { useNotices } from '../../app/notices';
import { journeyHash, routeToHash } from '../../app/routes';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useApiValue } from '../../ui/useApiValue';
import { OverlapsNote } from '../journey/WorkRules';
import { periodText } from '../journey/format';
import { EndPlacementForm } from './EndPlacementForm';
import { PlacementStatus, placementPhase } from './PlacementStatus';
import { PmsmpAgreementButton } from './PmsmpAgreementButton';
import { focusWhenShown } from '../../ui/focus';
import { placementKindKey } from './format';

interface CandidatePlacementsProps {
  candidateId: string;
  readOnly: boolean;
}

/** What to offer once a placement has just ended: the hire to record, or the placement that follows it. */
type NextStep = { placement: Placement; step: 'recruit' | 'renew' | 'next' };

const endButtonId = (placementId: string) => `placement-${placementId}-end-open`;
/** A placement in the list: focused once it is saved or ended. */
export const placementItemId = (placementId: string) => `placement-${placementId}`;

/**
 * The person's placements, newest first: kind, host, dates and where each stands, with "End"
 * for those under way. Ending one in a hire offers to record the recruitment; an extension
 * offers the renewal (an internship) or the next placement, filled from this one.
 */
export function CandidatePlacements({ candidateId, readOnly }: CandidatePlacementsProps) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, reload } = useApiValue('placements.list', { candidateId, limit: 100 });
  const [ending, setEnding] = useState<string | null>(null);
  const [next, setNext] = useState<NextStep | null>(null);

  if (state.status === 'loading') return <p className="muted" aria-busy="true" />;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const { items } = state.value;
  if (items.length === 0) return <p className="empty-line">{t('matching.ui.placements.empty')}</p>;

  function cancelEnding(placementId: string) {
    setEnding(null);
    focusWhenShown(endButtonId(placementId));
  }

  function ended(placement: Placement) {
    setEnding(null);
    // The placement now says how it ended (and what may follow): focus goes there.
    focusWhenShown(placementItemId(placement.id));
    showNotice('matching.ui.placements.notices.ended');
    if (placement.outcome === 'hired') setNext({ placement, step: 'recruit' });
    else if (placement.outcome === 'extended') {
      const renewable = placement.kind === 'internship_apprenticeship' && placement.renewsId === null && placement.renewedById === null;
      setNext({ placement, step: renewable ? 'renew' : 'next' });
    } else setNext(null);
    void reload();
  }

  return (
    <ul className="journey-list" data-testid="placement-list">
      {items.map((item) => (
        <li key={item.id} id={placementItemId(item.id)} tabIndex={-1} className="journey-item" data-testid="placement">
          <div className="journey-item-head">
            <div className="journey-item-title">
              <span className="strong">{t(placementKindKey(item.kind))}</span>
              {item.hostName && <HostName item={item} />}
            </div>
            <PlacementStatus placement={item} />
          </div>
          <p className="journey-item-meta">
            {periodText(item.startDate, item.endDate, t, i18n.language)}
            <span className="muted"> · {t('matching.ui.journey.days', { count: daysBetween(item.startDate, item.endDate) + 1 })}</span>
          </p>
          <OverlapsNote overlaps={item.overlaps} />
          {!readOnly && ending !== item.id && (
            <div className="journey-item-actions">
              {/* An outcome is recorded once it has begun (the day it ended cannot be in the future). */}
              {(placementPhase(item) === 'ongoing' || placementPhase(item) === 'overdue') && (
                <button
                  id={endButtonId(item.id)}
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    setNext(null);
                    setEnding(item.id);
                  }}
                >
                  {t('matching.ui.placements.end.open')}
                </button>
              )}
              <a className="button button-quiet button-small" href={journeyHash(candidateId, { view: 'editPlacement', placementId: item.id })}>
                {t('matching.ui.placements.edit')}
              </a>
              {item.kind === 'pmsmp' && <PmsmpAgreementButton placementId={item.id} />}
            </div>
          )}
          {ending === item.id && <EndPlacementForm placement={item} onEnded={ended} onCancel={() => cancelEnding(item.id)} />}
          {next?.placement.id === item.id && <NextStepOffer candidateId={candidateId} next={next} onDismiss={() => setNext(null)} />}
        </li>
      ))}
    </ul>
  );
}

function HostName({ item }: { item: PlacementSummary }) {
  if (item.employerId === null) return <span className="muted">{item.hostName}</span>;
  return <a href={routeToHash({ section: 'employers', id: item.employerId })}>{item.hostName}</a>;
}

function NextStepOffer({ candidateId, next, onDismiss }: { candidateId: string; next: NextStep; onDismiss(): void }) {
  const { t } = useTranslation();
  const placementId = next.placement.id;
  const href =
    next.step === 'recruit'
      ? journeyHash(candidateId, { view: 'recruitAfterPlacement', placementId })
      : journeyHash(candidateId, { view: 'nextPlacement', placementId });
  return (
    <div className="alert alert-info alert-row" role="status" data-testid="placement-next-step">
      <span>{t(`matching.ui.placements.nextStep.${next.step}.text`)}</span>
      <span className="form-buttons">
        <a className="button button-primary button-small" href={href}>
          {t(`matching.ui.placements.nextStep.${next.step}.action`)}
        </a>
        <button type="button" className="button button-link" onClick={onDismiss}>
          {t('matching.ui.journey.later')}
        </button>
      </span>
    </div>
  );
}
