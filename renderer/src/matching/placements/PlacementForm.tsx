import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { Controller, FormProvider, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addDays, lastDayOfMonths } from '../../../../shared/dates';
import {
  INTERNSHIP_MAX_MONTHS,
  PLACEMENT_KINDS,
  PLACEMENT_LIMITS,
  type Placement,
  type PlacementKind,
  placementCreateSchema,
  placementPeriodErrors,
} from '../../../../shared/pipeline';
import { betweenFields, isValidIsoDate } from '../../../../shared/validation';
import { call } from '../../api/client';
import { formatDate } from '../../app/format';
import { emptyAsNull, useRecordForm } from '../../ui/recordForm';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { decimalInput, decimalText } from '../../ui/decimal';
import { useApiValue } from '../../ui/useApiValue';
import { HostField } from '../journey/HostField';
import { EmployerApplyingField } from '../journey/WorkRules';
import { periodText } from '../journey/format';
import { KIND_FIELDS, placementKindKey } from './format';
import { DateInput } from '../../ui/DateInput';

const stipendAmount = decimalInput(placementCreateSchema.shape.stipendAmount, 'matching.ui.placements.form.amountInvalid');

/** The API's own shapes, with the legal limits that depend on this placement alone checked as it is typed. */
const formSchema = placementCreateSchema
  .omit({ candidateId: true, jobNeedId: true, presentationId: true })
  .extend({ stipendAmount })
  .check(betweenFields(['kind', 'startDate', 'endDate'], placementPeriodErrors));
type FormInput = z.input<typeof formSchema>;

/** What a new placement starts from: the one it follows, or nothing. */
export type PlacementDraft = Partial<
  Pick<
    Placement,
    | 'kind'
    | 'employerId'
    | 'hostName'
    | 'organisation'
    | 'jobNeedId'
    | 'presentationId'
    | 'startDate'
    | 'endDate'
    | 'renewsId'
    | 'tutor'
    | 'objective'
    | 'prescriber'
    | 'stipendAmount'
    | 'stipendPayer'
  >
>;

function toValues(source: PlacementDraft & { notes?: string | null; employerApplying?: boolean }, language: string): FormInput {
  return {
    // A new placement starts with no kind: the kind decides which fields follow.
    kind: source.kind as PlacementKind,
    employerId: source.employerId ?? null,
    organisation: source.organisation ?? '',
    startDate: source.startDate ?? '',
    endDate: source.endDate ?? '',
    renewsId: source.renewsId ?? null,
    tutor: source.tutor ?? '',
    objective: source.objective ?? '',
    prescriber: source.prescriber ?? '',
    stipendAmount: decimalText(source.stipendAmount ?? null, language),
    stipendPayer: source.stipendPayer ?? '',
    notes: source.notes ?? '',
    employerApplying: source.employerApplying ?? false,
  };
}

interface PlacementFormProps {
  candidateId: string;
  /** The placement being edited; null for a new one. */
  placement: Placement | null;
  draft?: PlacementDraft;
  readOnly: boolean;
  onSaved(placement: Placement): void;
  onCancel(): void;
}

/**
 * A PMSMP, an internship-apprenticeship, a temp mission or a training: the kind first, then
 * what that kind needs, with its legal length shown as the dates are typed. What the server
 * refuses (the 25% share of a contract, a second renewal) appears under the field it concerns.
 */
export function PlacementForm({ candidateId, placement, draft = {}, readOnly, onSaved, onCancel }: PlacementFormProps) {
  const { t, i18n } = useTranslation();
  const source = placement ?? draft;
  const { form, errorOf, formError, inputId, save } = useRecordForm({
    schema: formSchema,
    idPrefix: 'placement',
    values: toValues(source, i18n.language),
    send: (fields) =>
      placement
        ? call('placements.update', { id: placement.id, ...withoutKind(fields) })
        : call('placements.create', { candidateId, jobNeedId: draft.jobNeedId ?? null, presentationId: draft.presentationId ?? null, ...fields }),
    toValues: (saved) => toValues(saved, i18n.language),
    onSaved,
  });
  const { register, control, watch, setValue, getValues, formState } = form;
  const kind = watch('kind') as PlacementKind | undefined;
  const startDate = watch('startDate');
  const needs = kind ? KIND_FIELDS[kind] : null;

  // What the kind does not ask for goes, so a hidden field never blocks or sends anything.
  useEffect(() => {
    if (!needs) return;
    if (!needs.prescriber) setValue('prescriber', '');
    if (!needs.renews) setValue('renewsId', null);
    if (!needs.stipend) {
      setValue('stipendAmount', '');
      setValue('stipendPayer', '');
    }
  }, [needs, setValue]);

  return (
    <FormProvider {...form}>
      <form className="card form journey-form" noValidate onSubmit={save} aria-label={t(placement ? 'matching.ui.placements.form.editLabel' : 'matching.ui.placements.form.newLabel')}>
        <fieldset disabled={readOnly} className="form-body">
          <fieldset className="form-section">
            <legend>{t('matching.ui.placements.form.kind')}</legend>
            {placement ? (
              <p className="kind-fixed">
                <span className="strong">{t(placementKindKey(placement.kind))}</span>
                <span className="muted">{t(`matching.ui.placements.kindHints.${placement.kind}`)}</span>
              </p>
            ) : (
              <Controller
                control={control}
                name="kind"
                render={({ field, fieldState }) => (
                  <div
                    className="kind-cards"
                    role="radiogroup"
                    aria-label={t('matching.ui.placements.form.kind')}
                    aria-invalid={Boolean(fieldState.error)}
                    aria-describedby={fieldState.error ? 'placement-kind-error' : undefined}
                  >
                    {PLACEMENT_KINDS.map((option) => (
                      <label key={option} className="kind-card">
                        {/* Named by its title, described by its hint. */}
                        <input
                          ref={option === PLACEMENT_KINDS[0] ? field.ref : undefined}
                          type="radio"
                          name={field.name}
                          value={option}
                          checked={field.value === option}
                          aria-labelledby={`placement-kind-${option}`}
                          aria-describedby={`placement-kind-${option}-hint`}
                          onChange={() => field.onChange(option)}
                        />
                        <span id={`placement-kind-${option}`} className="kind-card-title">
                          {t(placementKindKey(option))}
                        </span>
                        <span id={`placement-kind-${option}-hint`} className="kind-card-hint">
                          {t(`matching.ui.placements.kindHints.${option}`)}
                        </span>
                      </label>
                    ))}
                  </div>
                )}
              />
            )}
            {errorOf('kind') && (
              <p id="placement-kind-error" className="field-error">
                {errorOf('kind')}
              </p>
            )}
          </fieldset>

          {kind === undefined ? (
            <p className="form-note">{t('matching.ui.placements.form.kindFirst')}</p>
          ) : (
            <>
              <fieldset className="form-section">
                <legend>{t('matching.ui.placements.form.where')}</legend>
                <div className="form-grid">
                  <HostField
                    inputId={inputId}
                    employerName={source.employerId ? (source.hostName ?? null) : null}
                    label={t(`matching.ui.placements.form.host.${kind}`)}
                    hint={t('matching.ui.journey.host.hint')}
                    error={errorOf('employerId') ?? errorOf('organisation')}
                    required={kind === 'pmsmp'}
                  />
                  <Field id={inputId('startDate')} label={t('matching.ui.placements.fields.startDate')} error={errorOf('startDate')} required>
                    {(a11y) => <DateInput {...a11y} {...register('startDate')} />}
                  </Field>
                  <Field
                    id={inputId('endDate')}
                    label={t('matching.ui.placements.fields.endDate')}
                    hint={limitHint(kind, startDate, t, i18n.language)}
                    error={errorOf('endDate')}
                    required
                  >
                    {(a11y) => <DateInput {...a11y} {...register('endDate')} />}
                  </Field>
                  {needs?.renews && (
                    <RenewsField
                      candidateId={candidateId}
                      placementId={placement?.id ?? null}
                      id={inputId('renewsId')}
                      error={errorOf('renewsId')}
                      register={register('renewsId', {
                        setValueAs: emptyAsNull,
                        onChange: (event: { target: { value: string } }) => onRenewalChosen(event.target.value),
                      })}
                    />
                  )}
                  <EmployerApplyingField inputId={inputId} error={errorOf('employerApplying')} />
                </div>
              </fieldset>

              <fieldset className="form-section">
                <legend>{t('matching.ui.placements.form.content')}</legend>
                <div className="form-grid">
                  <Field
                    id={inputId('objective')}
                    label={t('matching.ui.placements.fields.objective')}
                    hint={t(kind === 'pmsmp' ? 'matching.ui.placements.form.objectiveHintPmsmp' : 'matching.ui.placements.form.objectiveHint')}
                    error={errorOf('objective')}
                    required={kind === 'pmsmp'}
                    wide
                  >
                    {(a11y) => <textarea rows={2} maxLength={1000} {...a11y} {...register('objective')} />}
                  </Field>
                  <Field id={inputId('tutor')} label={t('matching.ui.placements.fields.tutor')} error={errorOf('tutor')}>
                    {(a11y) => <input type="text" autoComplete="off" maxLength={150} {...a11y} {...register('tutor')} />}
                  </Field>
                  {needs?.prescriber && (
                    <Field
                      id={inputId('prescriber')}
                      label={t('matching.ui.placements.fields.prescriber')}
                      hint={t('matching.ui.placements.form.prescriberHint')}
                      error={errorOf('prescriber')}
                    >
                      {(a11y) => <input type="text" autoComplete="off" maxLength={150} {...a11y} {...register('prescriber')} />}
                    </Field>
                  )}
                </div>
              </fieldset>

              {needs?.stipend && (
                <fieldset className="form-section">
                  <legend>{t('matching.ui.placements.form.stipend')}</legend>
                  <div className="form-grid">
                    <Field
                      id={inputId('stipendAmount')}
                      label={t('matching.ui.placements.fields.stipendAmount')}
                      hint={t('matching.ui.placements.form.stipendAmountHint')}
                      error={errorOf('stipendAmount')}
                    >
                      {(a11y) => (
                        <span className="input-with-unit">
                          <input type="text" inputMode="decimal" autoComplete="off" maxLength={9} {...a11y} {...register('stipendAmount')} />
                          <span aria-hidden="true">{t('matching.ui.placements.form.perMonth')}</span>
                        </span>
                      )}
                    </Field>
                    <Field
                      id={inputId('stipendPayer')}
                      label={t('matching.ui.placements.fields.stipendPayer')}
                      hint={t(kind === 'internship_apprenticeship' ? 'matching.ui.placements.form.payerHintInternship' : 'matching.ui.placements.form.payerHint')}
                      error={errorOf('stipendPayer')}
                    >
                      {(a11y) => <input type="text" autoComplete="off" maxLength={150} {...a11y} {...register('stipendPayer')} />}
                    </Field>
                  </div>
                </fieldset>
              )}

              <fieldset className="form-section">
                <legend>{t('matching.ui.placements.fields.notes')}</legend>
                <div className="form-grid">
                  <Field id={inputId('notes')} label={t('matching.ui.placements.fields.notes')} error={errorOf('notes')} wide>
                    {(a11y) => <textarea rows={3} maxLength={2000} {...a11y} {...register('notes')} />}
                  </Field>
                </div>
              </fieldset>
            </>
          )}
        </fieldset>
        {!readOnly && (
          <FormActions
            error={formError}
            submitLabel={t(placement ? 'matching.ui.placements.form.save' : 'matching.ui.placements.form.create')}
            submitting={formState.isSubmitting}
            cancel={{ label: t('matching.ui.journey.backToJourney'), onCancel }}
          />
        )}
      </form>
    </FormProvider>
  );

  /** A renewal chosen on an empty form starts the day after the planned end of the internship it renews, for the longest period allowed. */
  async function onRenewalChosen(renewsId: string) {
    if (!renewsId || getValues('startDate')) return;
    const renewed = await call('placements.get', { id: renewsId });
    if (!renewed.ok || getValues('startDate')) return;
    const start = addDays(renewed.value.endDate, 1);
    setValue('startDate', start, { shouldDirty: true });
    setValue('endDate', lastDayOfMonths(start, INTERNSHIP_MAX_MONTHS), { shouldDirty: true });
  }
}

function withoutKind<T extends { kind: PlacementKind }>({ kind: _kind, ...fields }: T): Omit<T, 'kind'> {
  return fields;
}

/** The legal length of the kind, with the last day allowed for the start typed. */
function limitHint(kind: PlacementKind, startDate: string, t: TFunction, language: string): string | undefined {
  const months = PLACEMENT_LIMITS[kind]?.months;
  if (months === undefined) return undefined;
  if (!isValidIsoDate(startDate)) return t(`matching.ui.placements.form.limit.${kind}`);
  return t(`matching.ui.placements.form.limitUntil.${kind}`, { date: formatDate(lastDayOfMonths(startDate, months), language, 'long') });
}

interface RenewsFieldProps {
  candidateId: string;
  /** The placement being edited, which cannot renew itself. */
  placementId: string | null;
  id: string;
  error: string | undefined;
  register: UseFormRegisterReturn;
}

/** "Renews": none (a first internship) or one of the person's earlier internships. */
function RenewsField({ candidateId, placementId, id, error, register }: RenewsFieldProps) {
  const { t, i18n } = useTranslation();
  const { state } = useApiValue('placements.list', { candidateId, kinds: ['internship_apprenticeship'], limit: 50 });
  // Shown once the internships are known, so the select can show the one already chosen.
  if (state.status !== 'ready') return null;
  const earlier = state.value.items.filter((item) => item.id !== placementId);
  return (
    <Field id={id} label={t('matching.ui.placements.fields.renews')} hint={t('matching.ui.placements.form.renewsHint')} error={error}>
      {(a11y) => (
        <select {...a11y} {...register}>
          <option value="">{t('matching.ui.placements.form.firstInternship')}</option>
          {earlier.map((item) => (
            <option key={item.id} value={item.id}>
              {[periodText(item.startDate, item.endDate, t, i18n.language), item.hostName].filter(Boolean).join(' · ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
