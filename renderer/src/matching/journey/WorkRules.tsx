import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EngagementRef, PlacementKind, RecruitmentKind } from '../../../../shared/pipeline';
import { fieldErrorId } from '../../ui/Field';
import { placementKindKey } from '../placements/format';
import { recruitmentKindKey } from '../recruitments/format';
import { periodText } from './format';

/**
 * The person's other placements and recruitments at the same time. The server refuses the
 * overlaps the law does not allow (two PMSMPs, jobs over 48 hours a week); the others may be
 * lawful (a PMSMP during a part-time contract), so they are shown for the staffer to check.
 */
export function OverlapsNote({ overlaps }: { overlaps: readonly EngagementRef[] }) {
  const { t, i18n } = useTranslation();
  if (overlaps.length === 0) return null;
  const list = overlaps
    .map((item) => {
      const kind = item.type === 'placement' ? t(placementKindKey(item.kind as PlacementKind)) : t(recruitmentKindKey(item.kind as RecruitmentKind));
      return `${kind} (${periodText(item.startDate, item.endDate, t, i18n.language)})`;
    })
    .join(', ');
  return (
    <p className="journey-overlaps" data-testid="overlaps">
      {t('matching.ui.journey.overlaps', { list })}
    </p>
  );
}

/**
 * "The employer is applying for the work authorisation": the staffer's answer, asked by the
 * server when the person's document does not cover the period (shared/authorisation.ts),
 * recorded with the contract or placement and in the audit log.
 */
export function EmployerApplyingField({ inputId, error }: { inputId(path: string): string; error: string | undefined }) {
  const { t } = useTranslation();
  const { register } = useFormContext<{ employerApplying?: boolean }>();
  const id = inputId('employerApplying');
  return (
    <div className="field field-wide">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" aria-invalid={Boolean(error)} aria-describedby={error ? `${fieldErrorId(id)} ${id}-hint` : `${id}-hint`} {...register('employerApplying')} />
        <span>{t('matching.ui.journey.employerApplying')}</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t('matching.ui.journey.employerApplyingHint')}
      </p>
      {error && (
        <p id={fieldErrorId(id)} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
