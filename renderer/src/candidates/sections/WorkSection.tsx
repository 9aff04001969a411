import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ASYLUM_WAIT_MONTHS } from '../../../../shared/authorisation';
import { FRENCH_LEVEL_PROOFS } from '../../../../shared/domain';
import { isValidIsoDate } from '../../../../shared/validation';
import { formatDate } from '../../app/format';
import { CheckboxField } from '../controls';
import { addMonths, daysFromToday, expiryState } from '../dates';
import { AlertIcon, InfoIcon } from '../../app/icons';
import { AuthorisationDocumentField, FrenchLevelField } from '../commonFields';
import { InputField, SelectField, inputId } from '../fields';
import { choices } from '../options';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { sectionSchema } from './schema';

const schema = sectionSchema(
  'frenchLevel',
  'frenchLevelProof',
  'frenchLevelDate',
  'authorisationDocument',
  'authorisationStart',
  'authorisationExpiry',
  'employerMustApply',
  'asylumRegisteredOn',
);

/** French level and work authorisation: what employers ask first. */
export function WorkSection(props: SectionProps) {
  const { t } = useTranslation();
  const section = useSectionForm(props, {
    schema,
    toValues: (record) => ({
      frenchLevel: record.frenchLevel,
      frenchLevelProof: record.frenchLevelProof,
      frenchLevelDate: record.frenchLevelDate ?? '',
      authorisationDocument: record.authorisationDocument,
      authorisationStart: record.authorisationStart ?? '',
      authorisationExpiry: record.authorisationExpiry ?? '',
      employerMustApply: record.employerMustApply,
      asylumRegisteredOn: record.asylumRegisteredOn ?? '',
    }),
  });
  const [document, expiry, registeredOn] = useWatch({
    control: section.control,
    name: ['authorisationDocument', 'authorisationExpiry', 'asylumRegisteredOn'],
  }) as [string | null, string | undefined, string | undefined];
  const asylumSeeker =
    document === 'asylum_certificate' || props.candidate.publicCategory === 'asylum_seeker' || Boolean(registeredOn);

  return (
    <SectionFrame name="work" section={section}>
      <fieldset className="form-section">
        <legend>{t('candidates.ui.form.french')}</legend>
        <div className="form-grid form-grid-3">
          <FrenchLevelField form={section} />
          <SelectField
            form={section}
            name="frenchLevelProof"
            label={t('candidates.ui.fields.frenchLevelProof')}
            choices={choices(FRENCH_LEVEL_PROOFS, t, 'candidates.values.proofs')}
            emptyLabel={t('candidates.ui.form.notKnown')}
          />
          <InputField form={section} name="frenchLevelDate" type="date" label={t('candidates.ui.fields.frenchLevelDate')} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('candidates.ui.form.authorisation')}</legend>
        <div className="form-grid">
          <AuthorisationDocumentField form={section} wide />
          <InputField form={section} name="authorisationStart" type="date" label={t('candidates.ui.fields.authorisationStart')} />
          <div className="field-stack">
            <InputField form={section} name="authorisationExpiry" type="date" label={t('candidates.ui.fields.authorisationExpiry')} />
            {expiry && isValidIsoDate(expiry) && <ExpiryNote expiry={expiry} />}
          </div>
          <div className="field-wide">
            <CheckboxField
              id={inputId('employerMustApply')}
              label={t('candidates.ui.fields.employerMustApply')}
              hint={t('candidates.ui.form.employerMustApplyHint')}
              {...section.register('employerMustApply')}
            />
          </div>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('candidates.ui.form.asylum')}</legend>
        <div className="form-grid">
          <div className="field-stack">
            <InputField form={section} name="asylumRegisteredOn" type="date" label={t('candidates.ui.fields.asylumRegisteredOn')} />
            {registeredOn && isValidIsoDate(registeredOn) && <SixMonths registeredOn={registeredOn} />}
          </div>
          {asylumSeeker && (
            <div className="hint-box" data-testid="asylum-hint">
              <InfoIcon />
              <div>
                <p className="hint-box-title">{t('candidates.ui.asylum.title')}</p>
                <p>{t('candidates.ui.asylum.body')}</p>
              </div>
            </div>
          )}
        </div>
      </fieldset>
    </SectionFrame>
  );
}

/** "Expires in 23 days", "Expired 3 days ago": the expiry in plain words under its field. */
function ExpiryNote({ expiry }: { expiry: string }) {
  const { t } = useTranslation();
  const days = daysFromToday(expiry);
  const state = expiryState(expiry);
  const text =
    state === 'expired'
      ? t('candidates.ui.expiry.expiredAgo', { count: -days })
      : days === 0
        ? t('candidates.ui.expiry.today')
        : t('candidates.ui.expiry.inDays', { count: days });
  return (
    <p className={state === 'valid' ? 'field-note' : `field-note expiry-note expiry expiry-${state}`}>
      {state !== 'valid' && <AlertIcon />}
      <span>{text}</span>
    </p>
  );
}

/** The date from which the employer may apply for an authorisation. */
function SixMonths({ registeredOn }: { registeredOn: string }) {
  const { t, i18n } = useTranslation();
  const date = addMonths(registeredOn, ASYLUM_WAIT_MONTHS);
  const reached = daysFromToday(date) <= 0;
  return (
    <p className="field-note" data-testid="asylum-six-months">
      {t(reached ? 'candidates.ui.asylum.sixMonthsReached' : 'candidates.ui.asylum.sixMonths', {
        date: formatDate(date, i18n.language, 'long'),
      })}
    </p>
  );
}
