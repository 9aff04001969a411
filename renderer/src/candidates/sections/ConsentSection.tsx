import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../../shared/candidates';
import { CONSENT_METHODS } from '../../../../shared/domain';
import { formatDate } from '../../app/format';
import { ChipPicker, CheckboxField } from '../controls';
import { InputField, SelectField, inputId } from '../fields';
import { AlertIcon, InfoIcon } from '../../app/icons';
import { choices, offered, usePartnerOptions } from '../options';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { sectionSchema } from './schema';

const schema = sectionSchema(
  'consentRecording',
  'consentContact',
  'sharingPartnerIds',
  'consentDate',
  'consentMethod',
  'consentWithdrawnOn',
);

/** What the person agreed to, when and how; and whether they took it back. */
export function ConsentSection(props: SectionProps) {
  const { t } = useTranslation();
  const partners = usePartnerOptions();
  const section = useSectionForm(props, {
    schema,
    toValues: (record) => ({
      consentRecording: record.consentRecording,
      consentContact: record.consentContact,
      sharingPartnerIds: record.sharingPartnerIds,
      consentDate: record.consentDate ?? '',
      consentMethod: record.consentMethod,
      consentWithdrawnOn: record.consentWithdrawnOn ?? '',
    }),
  });
  const { register, control, errorOf, readOnly } = section;
  const sharing = useController({ control, name: 'sharingPartnerIds' });
  const sharingIds = sharing.field.value ?? [];
  const withdrawnOn = useWatch({ control, name: 'consentWithdrawnOn' });
  // A withdrawal takes back the contact and sharing consents (the service clears them on save).
  const withdrawn = Boolean(withdrawnOn);

  return (
    <SectionFrame
      name="consent"
      intro={
        <>
          <ConsentState candidate={props.candidate} />
          <p>{t('candidates.ui.consent.intro')}</p>
        </>
      }
      section={section}
    >
      <fieldset className="form-section">
        <legend>{t('candidates.ui.consent.agreedTo')}</legend>
        <div className="consent-choices">
          <CheckboxField
            id={inputId('consentRecording')}
            label={t('candidates.ui.fields.consentRecording')}
            hint={t('candidates.ui.consent.recordingHint')}
            {...register('consentRecording')}
          />
          <CheckboxField
            id={inputId('consentContact')}
            label={t('candidates.ui.fields.consentContact')}
            hint={t('candidates.ui.consent.contactHint')}
            {...register('consentContact')}
            disabled={readOnly || withdrawn}
          />
          <ChipPicker
            id={inputId('sharingPartnerIds')}
            label={t('candidates.ui.fields.sharingPartners')}
            hint={t('candidates.ui.consent.sharingHint')}
            options={offered(partners, sharingIds)}
            value={sharingIds}
            onChange={sharing.field.onChange}
            noneText={t('candidates.ui.consent.sharingNone')}
            disabled={readOnly || withdrawn}
            error={errorOf('sharingPartnerIds')}
            wide
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('candidates.ui.consent.when')}</legend>
        <div className="form-grid">
          <InputField form={section} name="consentDate" type="date" label={t('candidates.ui.fields.consentDate')} />
          <SelectField
            form={section}
            name="consentMethod"
            label={t('candidates.ui.fields.consentMethod')}
            choices={choices(CONSENT_METHODS, t, 'candidates.values.consentMethods')}
            emptyLabel={t('candidates.ui.form.notKnown')}
          />
        </div>
      </fieldset>
      <fieldset className="form-section consent-withdrawal">
        <legend>{t('candidates.ui.consent.withdrawal')}</legend>
        <div className="form-grid">
          <InputField
            form={section}
            name="consentWithdrawnOn"
            type="date"
            label={t('candidates.ui.fields.consentWithdrawnOn')}
            hint={t('candidates.ui.consent.withdrawalHint')}
          />
          {withdrawnOn && (
            <p className="hint-box hint-box-warning">
              <AlertIcon />
              <span>
                {t('candidates.ui.consent.withdrawnWarning')}{' '}
                {t(props.candidate.consentWithdrawnOn ? 'candidates.ui.consent.withdrawnCleared' : 'candidates.ui.consent.withdrawnClears')}
              </span>
            </p>
          )}
        </div>
      </fieldset>
    </SectionFrame>
  );
}

/** The consent as saved, in one sentence at the top: given, missing or withdrawn. */
function ConsentState({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language, 'long');
  if (candidate.consentWithdrawnOn) {
    return (
      <p className="consent-state consent-state-withdrawn" data-testid="consent-state">
        <AlertIcon />
        <span>{t('candidates.ui.consent.stateWithdrawn', { date: date(candidate.consentWithdrawnOn) })}</span>
      </p>
    );
  }
  if (!candidate.consentRecording) {
    return (
      <p className="consent-state consent-state-missing" data-testid="consent-state">
        <AlertIcon />
        <span>{t('candidates.ui.consent.stateMissing')}</span>
      </p>
    );
  }
  const how = candidate.consentMethod ? t(`candidates.values.consentMethods.${candidate.consentMethod}`).toLocaleLowerCase(i18n.language) : null;
  return (
    <p className="consent-state consent-state-given" data-testid="consent-state">
      <InfoIcon />
      <span>
        {candidate.consentDate
          ? t('candidates.ui.consent.stateGivenOn', { date: date(candidate.consentDate) })
          : t('candidates.ui.consent.stateGiven')}
        {how && `, ${how}`}
      </span>
    </p>
  );
}
