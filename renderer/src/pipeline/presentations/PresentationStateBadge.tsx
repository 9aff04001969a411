import { useTranslation } from 'react-i18next';
import type { PresentationState } from '../../../../shared/pipeline';
import { presentationStateKey } from './format';
import '../../matching/matching.css';

/** A presentation's state: a coloured dot and its name (the colour never speaks alone). */
export function PresentationStateBadge({ state }: { state: PresentationState }) {
  const { t } = useTranslation();
  return (
    <span className={`status presentation-state presentation-state-${state}`} data-testid="presentation-state">
      {t(presentationStateKey(state))}
    </span>
  );
}
