import { useEffect } from 'react';
import { Controller, FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CONTRACT_TYPES, JOB_NEED_STATES } from '../../../shared/domain';
import {
  type Employer,
  type JobNeed,
  MAX_HOURS_PER_WEEK,
  REQUIRED_FRENCH_LEVELS,
  jobNeedConsistencyErrors,
  jobNeedFieldShapes,
} from '../../../shared/employers';
import { betweenFields } from '../../../shared/validation';
import { call } from '../api/client';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { decimalInput, decimalText } from '../ui/decimal';
import { SectorSelect } from './SectorSelect';
import { emptyAsNull, useRecordForm } from '../ui/recordForm';
import { DateInput } from '../ui/DateInput';

/** "17,5" or "17.5" as typed in France; an empty field is "not known". */
const hoursPerWeek = decimalInput(jobNeedFieldShapes.hoursPerWeek, 'employers.ui.needs.form.hoursInvalid');

const formSchema = z
  .strictObject({ ...jobNeedFieldShapes, hoursPerWeek })
  .check(betweenFields(['contractType', 'startDate', 'endDate'], jobNeedConsistencyErrors));
type FormInput = z.input<typeof formSchema>;

function toValues(need: JobNeed | null, employer: Employer, language: string): FormInput {
  return {
    occupation: need?.occupation ?? '',
    romeCode: need?.romeCode ?? '',
    sectorId: need ? need.sectorId : employer.sectorId,
    positions: need?.positions ?? 1,
    contractType: need?.contractType ?? 'cdi',
    // In the interface's own way ("17,5" in French), which the form reads back either way.
    hoursPerWeek: decimalText(need?.hoursPerWeek ?? null, language),
    place: need?.place ?? '',
    postalCode: need?.postalCode ?? '',
    startDate: need?.startDate ?? '',
    endDate: need?.endDate ?? '',
    // The API never stores "not assessed" as a requirement; the type of a need allows it.
    minFrenchLevel: need?.minFrenchLevel === 'not_assessed' ? null : (need?.minFrenchLevel ?? null),
    drivingLicenceRequired: need?.drivingLicenceRequired ?? false,
    authorisationThroughContract: need?.authorisationThroughContract ?? true,
    validUntil: need?.validUntil ?? '',
    state: need?.state ?? 'open',
    notes: need?.notes ?? '',
  };
}

interface JobNeedFormProps {
  employer: Employer;
  /** Null: a new need for this employer. */
  need: JobNeed | null;
  readOnly: boolean;
  onSaved(need: JobNeed): void;
  onCancel(): void;
}

/** The job, the contract and what a candidate must bring: what volunteers check before presenting anyone. */
export function JobNeedForm({ employer, need, readOnly, onSaved, onCancel }: JobNeedFormProps) {
  const { t, i18n } = useTranslation();
  const { form, errorOf, formError, inputId, save } = useRecordForm({
    schema: formSchema,
    idPrefix: 'need',
    values: toValues(need, employer, i18n.language),
    send: (fields) => (need ? call('jobNeeds.update', { id: need.id, ...fields }) : call('jobNeeds.create', { employerId: employer.id, ...fields })),
    toValues: (saved) => toValues(saved, employer, i18n.language),
    onSaved,
  });
  const { register, control, watch, setValue, setFocus, formState } = form;
  const permanent = watch('contractType') === 'cdi';

  useEffect(() => {
    if (need === null) setFocus('occupation');
  }, [need, setFocus]);

  // A CDI has no end date: one typed before switching to CDI goes.
  useEffect(() => {
    if (permanent) setValue('endDate', '');
  }, [permanent, setValue]);

  return (
    <FormProvider {...form}>
      <form className="card form" noValidate onSubmit={save} aria-label={t('employers.ui.needs.form.label')}>
        <fieldset disabled={readOnly} className="form-body">
          <fieldset className="form-section">
            <legend>{t('employers.ui.needs.form.job')}</legend>
            <div className="form-grid form-grid-3">
              <Field id={inputId('occupation')} label={t('employers.ui.needs.fields.occupation')} error={errorOf('occupation')} required wide>
                {(a11y) => (
                  <input
                    type="text"
                    autoComplete="off"
                    maxLength={150}
                    placeholder={t('employers.ui.needs.form.occupationPlaceholder')}
                    {...a11y}
                    {...register('occupation')}
                  />
                )}
              </Field>
              <Field id={inputId('romeCode')} label={t('employers.ui.needs.fields.romeCode')} hint={t('employers.ui.needs.form.romeHint')} error={errorOf('romeCode')}>
                {(a11y) => <input type="text" autoComplete="off" spellCheck={false} maxLength={5} className="rome-code" {...a11y} {...register('romeCode')} />}
              </Field>
              <Field id={inputId('sectorId')} label={t('employers.ui.fields.sector')} error={errorOf('sectorId')}>
                {(a11y) => <SectorSelect a11y={a11y} saved={need ? need.sectorId : employer.sectorId} />}
              </Field>
              <Field id={inputId('positions')} label={t('employers.ui.needs.fields.positions')} error={errorOf('positions')} required>
                {(a11y) => <input type="number" min={1} max={500} step={1} {...a11y} {...register('positions', { valueAsNumber: true })} />}
              </Field>
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('employers.ui.needs.form.contract')}</legend>
            <div className="form-grid form-grid-3">
              <Field id={inputId('contractType')} label={t('employers.ui.needs.fields.contractType')} error={errorOf('contractType')} required>
                {(a11y) => (
                  <select {...a11y} {...register('contractType')}>
                    {CONTRACT_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`employers.values.contractTypes.${type}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={inputId('hoursPerWeek')}
                label={t('employers.ui.needs.fields.hoursPerWeek')}
                hint={t('employers.ui.needs.form.hoursHint', { max: MAX_HOURS_PER_WEEK })}
                error={errorOf('hoursPerWeek')}
              >
                {(a11y) => <input type="text" inputMode="decimal" autoComplete="off" maxLength={6} {...a11y} {...register('hoursPerWeek')} />}
              </Field>
              <Field id={inputId('place')} label={t('employers.ui.needs.fields.place')} error={errorOf('place')}>
                {(a11y) => (
                  <input type="text" autoComplete="off" maxLength={200} {...a11y} {...register('place')} />
                )}
              </Field>
              <Field
                id={inputId('postalCode')}
                label={t('employers.ui.fields.postalCode')}
                hint={
                  employer.postalCode
                    ? t('matching.ui.employerView.needPostalCodeHint', { postalCode: employer.postalCode })
                    : t('matching.ui.employerView.needPostalCodeHintNone')
                }
                error={errorOf('postalCode')}
              >
                {(a11y) => (
                  <input
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={5}
                    placeholder={employer.postalCode ?? undefined}
                    {...a11y}
                    {...register('postalCode')}
                  />
                )}
              </Field>
              <Field id={inputId('startDate')} label={t('employers.ui.needs.fields.startDate')} error={errorOf('startDate')}>
                {(a11y) => <DateInput {...a11y} {...register('startDate')} />}
              </Field>
              {permanent ? (
                <div className="field">
                  <span className="field-label-text">{t('employers.ui.needs.fields.endDate')}</span>
                  <p className="field-note need-no-end">{t('employers.ui.needs.form.cdiNoEnd')}</p>
                </div>
              ) : (
                <Field id={inputId('endDate')} label={t('employers.ui.needs.fields.endDate')} error={errorOf('endDate')}>
                  {(a11y) => <DateInput {...a11y} {...register('endDate')} />}
                </Field>
              )}
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('employers.ui.needs.form.requirements')}</legend>
            <p className="form-note need-requirements-intro">{t('employers.ui.needs.form.requirementsIntro')}</p>
            <div className="form-grid">
              <Field id={inputId('minFrenchLevel')} label={t('employers.ui.needs.fields.minFrenchLevel')} error={errorOf('minFrenchLevel')}>
                {(a11y) => (
                  <select {...a11y} {...register('minFrenchLevel', { setValueAs: emptyAsNull })}>
                    <option value="">{t('employers.ui.needs.form.noFrenchLevel')}</option>
                    {REQUIRED_FRENCH_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`common.values.frenchLevels.${level}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="field-stack need-checks">
                <label className="checkbox" htmlFor={inputId('drivingLicenceRequired')}>
                  <input id={inputId('drivingLicenceRequired')} type="checkbox" {...register('drivingLicenceRequired')} />
                  <span>{t('employers.ui.needs.fields.drivingLicenceRequired')}</span>
                </label>
                <label className="checkbox" htmlFor={inputId('authorisationThroughContract')}>
                  <input
                    id={inputId('authorisationThroughContract')}
                    type="checkbox"
                    aria-describedby={`${inputId('authorisationThroughContract')}-hint`}
                    {...register('authorisationThroughContract')}
                  />
                  <span>{t('employers.ui.needs.fields.authorisationThroughContract')}</span>
                </label>
                <p id={`${inputId('authorisationThroughContract')}-hint`} className="field-hint need-check-hint">
                  {t(permanent ? 'employers.ui.needs.form.authorisationHintCdi' : 'employers.ui.needs.form.authorisationHint')}
                </p>
              </div>
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('employers.ui.needs.form.followUp')}</legend>
            <div className="form-grid">
              <div className="field need-state-field">
                <span className="field-label-text" aria-hidden="true">
                  {t('employers.ui.needs.fields.state')}
                </span>
                <Controller
                  control={control}
                  name="state"
                  render={({ field }) => (
                    <SegmentedChoice
                      name={inputId('state')}
                      legend={t('employers.ui.needs.fields.state')}
                      options={JOB_NEED_STATES}
                      value={field.value}
                      label={(state) => t(`employers.values.jobNeedStates.${state}`)}
                      onChange={field.onChange}
                    />
                  )}
                />
              </div>
              <Field
                id={inputId('validUntil')}
                label={t('employers.ui.needs.fields.validUntil')}
                hint={t('employers.ui.needs.form.validUntilHint')}
                error={errorOf('validUntil')}
              >
                {(a11y) => <DateInput {...a11y} {...register('validUntil')} />}
              </Field>
              <Field id={inputId('notes')} label={t('employers.ui.needs.fields.notes')} error={errorOf('notes')} wide>
                {(a11y) => <textarea rows={3} maxLength={2000} placeholder={t('employers.ui.needs.form.notesPlaceholder')} {...a11y} {...register('notes')} />}
              </Field>
            </div>
          </fieldset>
        </fieldset>
        {!readOnly && (
          <FormActions
            error={formError}
            submitLabel={t(need ? 'employers.ui.needs.form.save' : 'employers.ui.needs.form.create')}
            submitting={formState.isSubmitting}
            cancel={{ label: t(need ? 'employers.ui.needs.form.back' : 'employers.ui.needs.form.cancel'), onCancel }}
          />
        )}
      </form>
    </FormProvider>
  );
}
