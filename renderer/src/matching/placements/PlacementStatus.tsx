import { useTranslation } from 'react-i18next';
import type { PlacementSummary } from '../../../../shared/pipeline';
import { today } from '../../../../shared/validation';
import { formatDate } from '../../app/format';
import { placementOutcomeKey } from './format';

type Phase = 'upcoming' | 'ongoing' | 'overdue' | 'ended';

/** Where a placement stands today: to come, under way, past its planned end with no outcome yet, or ended. */
export function placementPhase(placement: Pick<PlacementSummary, 'startDate' | 'endDate' | 'outcome'>, on: string = today()): Phase {
  if (placement.outcome !== null) return 'ended';
  if (placement.startDate > on) return 'upcoming';
  return placement.endDate < on ? 'overdue' : 'ongoing';
}

/** A placement's state in words, with a coloured dot (the colour never speaks alone). */
export function PlacementStatus({ placement }: { placement: PlacementSummary }) {
  const { t, i18n } = useTranslation();
  const phase = placementPhase(placement);
  const text =
    phase === 'ended' && placement.outcome
      ? t('matching.ui.placements.phase.ended', {
          outcome: t(placementOutcomeKey(placement.outcome)),
          date: formatDate(placement.endedOn ?? placement.endDate, i18n.language),
        })
      : t(`matching.ui.placements.phase.${phase}`);
  const colour = phase === 'ended' ? `outcome-${placement.outcome}` : phase;
  return (
    <span className={`status placement-status placement-status-${colour}`} data-testid="placement-status">
      {text}
    </span>
  );
}
