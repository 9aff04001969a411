import { useTranslation } from 'react-i18next';
import { MOBILITIES } from '../../../../shared/domain';
import { NumberField, emptyToNull, inputId } from '../fields';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { sectionSchema } from './schema';

const schema = sectionSchema('mobility', 'maxDistanceKm', 'maxTravelMinutes');

/** How the person gets to work, and how far they can go. */
export function MobilitySection(props: SectionProps) {
  const { t } = useTranslation();
  const section = useSectionForm(props, {
    schema,
    toValues: ({ mobility, maxDistanceKm, maxTravelMinutes }) => ({ mobility, maxDistanceKm, maxTravelMinutes }),
  });
  const mobilityError = section.errorOf('mobility');
  const errorId = `${inputId('mobility')}-error`;
  const radio = (value: string, label: string) => (
    <label key={value} className="checkbox" htmlFor={inputId(`mobility-${value || 'unknown'}`)}>
      <input id={inputId(`mobility-${value || 'unknown'}`)} type="radio" value={value} {...section.register('mobility', { setValueAs: emptyToNull })} />
      <span className={value ? undefined : 'muted'}>{label}</span>
    </label>
  );

  return (
    <SectionFrame name="mobility" intro={<p>{t('candidates.ui.form.mobilityIntro')}</p>} section={section}>
      <fieldset className="form-section" aria-describedby={mobilityError ? errorId : undefined}>
        <legend>{t('candidates.ui.fields.mobility')}</legend>
        <div className="radio-grid">
          {MOBILITIES.map((value) => radio(value, t(`candidates.values.mobilities.${value}`)))}
          {radio('', t('candidates.ui.form.notKnown'))}
        </div>
        {mobilityError && (
          <p id={errorId} className="field-error">
            {mobilityError}
          </p>
        )}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('candidates.ui.form.mobilityLimits')}</legend>
        <div className="form-grid">
          <NumberField form={section} name="maxDistanceKm" label={t('candidates.ui.fields.maxDistanceKm')} hint={t('candidates.ui.form.kmHint')} max={1000} />
          <NumberField
            form={section}
            name="maxTravelMinutes"
            label={t('candidates.ui.fields.maxTravelMinutes')}
            hint={t('candidates.ui.form.minutesHint')}
            max={600}
            step={5}
          />
        </div>
      </fieldset>
    </SectionFrame>
  );
}
