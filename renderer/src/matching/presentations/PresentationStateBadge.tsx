import { useTranslation } from 'react-i18next';
import { type PresentationState, isPlanned } from '../../../../shared/pipeline';
import { today } from '../../../../shared/validation';
import { presentationStateKey } from './format';
import '../matching.css';

/**
 * A presentation's state: a coloured dot and its name (the colour never speaks alone). Given
 * the day of the step, an interview still to come reads as planned.
 */
export function PresentationStateBadge({ state, on }: { state: PresentationState; on?: string }) {
  const { t } = useTranslation();
  const planned = on !== undefined && isPlanned(state, on, today());
  return (
    <span className={`status presentation-state presentation-state-${state}`} data-testid="presentation-state">
      {planned ? t('matching.ui.presentations.plannedInterview') : t(presentationStateKey(state))}
    </span>
  );
}
