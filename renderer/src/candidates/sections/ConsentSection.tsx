import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { type Candidate, CONSENT_TEXT_VERSIONS, CURRENT_CONSENT_TEXT_VERSION } from '../../../../shared/candidates';
import { LANGUAGES, type Language, isLanguage } from '../../../../shared/i18n/languages';
import { call } from '../../api/client';
import { downloadBase64 } from '../../exchange/files';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CONSENT_METHODS } from '../../../../shared/domain';
import { formatDate } from '../../app/format';
import { ChipPicker, CheckboxField } from '../controls';
import { InputField, SelectField, inputId } from '../fields';
import { AlertIcon, InfoIcon } from '../../app/icons';
import { usePartnerOptions } from '../../ui/options';
import { choices, offered } from '../options';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { sectionSchema } from './schema';
import { ChoiceSelect } from '../../ui/ChoiceSelect';

const schema = sectionSchema(
  'consentRecording',
  'consentContact',
  'consentPresentation',
  'consentTextVersion',
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
      consentPresentation: record.consentPresentation,
      consentTextVersion: record.consentTextVersion,
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
          <ConsentFormPrint candidate={props.candidate} />
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
          <CheckboxField
            id={inputId('consentPresentation')}
            label={t('candidates.ui.fields.consentPresentation')}
            hint={t('candidates.ui.consent.presentationHint')}
            {...register('consentPresentation')}
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
            name="consentTextVersion"
            label={t('candidates.ui.fields.consentTextVersion')}
            hint={t('candidates.ui.consent.textVersionHint')}
            choices={CONSENT_TEXT_VERSIONS.map((version) => ({
              value: version,
              label: version === CURRENT_CONSENT_TEXT_VERSION ? t('candidates.ui.consent.textVersionCurrent', { version }) : version,
            }))}
            emptyLabel={t('candidates.ui.form.notKnown')}
          />
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
  if (candidate.consentRecordingWithdrawnOn) {
    return (
      <p className="consent-state consent-state-withdrawn" data-testid="consent-state">
        <AlertIcon />
        <span>{t('candidates.ui.consent.stateRecordingWithdrawn', { date: date(candidate.consentRecordingWithdrawnOn) })}</span>
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

/** The consent form to print and have signed, in the person's language (the text's version the file records). */
function ConsentFormPrint({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'fr');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = useId();

  async function print() {
    setBusy(true);
    const result = await call('candidates.consentForm', { id: candidate.id, language });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    if (result.ok) downloadBase64(result.value.contentBase64, result.value.fileName);
  }

  return (
    <div className="consent-form-print">
      <ChoiceSelect
        id={selectId}
        label={t('candidates.ui.consentForm.language')}
        choices={LANGUAGES}
        value={language}
        onChange={setLanguage}
        choiceLabel={(code) => t(`candidates.ui.consentForm.languages.${code}`)}
      />
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void print()} data-testid="consent-form-print">
        {t('candidates.ui.consentForm.print')}
      </button>
      <ErrorAlert messageKey={error} />
    </div>
  );
}
