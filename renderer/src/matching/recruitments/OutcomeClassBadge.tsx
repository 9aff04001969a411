import { useTranslation } from 'react-i18next';
import type { OutcomeClass } from '../../../../shared/pipeline';
import { outcomeClassKey } from './format';
import '../journey/journey.css';

/** The outcome class of integration reporting (durable, transition, positive), named as such ("Outcome: durable employment"). */
export function OutcomeClassBadge({ outcomeClass }: { outcomeClass: OutcomeClass }) {
  const { t } = useTranslation();
  return (
    <span className={`outcome-badge outcome-badge-${outcomeClass}`} data-testid="outcome-class" title={t(`matching.ui.recruitments.outcomeHints.${outcomeClass}`)}>
      <span className="outcome-badge-label">{t('matching.ui.recruitments.outcomeClass')}</span>
      <span className="outcome-badge-value">{t(outcomeClassKey(outcomeClass))}</span>
    </span>
  );
}
