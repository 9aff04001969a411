import { useEffect } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  DURABLE_MIN_MONTHS,
  OPEN_ENDED_KINDS,
  RECRUITMENT_KINDS,
  type Recruitment,
  type RecruitmentKind,
  authorisedActivity,
  outcomeClass,
  recruitmentConsistencyErrors,
  recruitmentCreateSchema,
} from '../../../../shared/pipeline';
import { MAX_HOURS_PER_WEEK } from '../../../../shared/employers';
import { betweenFields, isValidIsoDate } from '../../../../shared/validation';
import { call } from '../../api/client';
import { useRecordForm } from '../../ui/recordForm';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { decimalInput, decimalText } from '../../ui/decimal';
import { HostField } from '../journey/HostField';
import { EmployerApplyingField } from '../journey/WorkRules';
import { OutcomeClassBadge } from './OutcomeClassBadge';
import { recruitmentKindKey } from './format';
import { DateInput } from '../../ui/DateInput';

const hoursPerWeek = decimalInput(recruitmentCreateSchema.shape.hoursPerWeek, 'matching.ui.recruitments.form.hoursInvalid');

/** The API's own shapes, with the checks between fields (an end date for a CDD, none for a CDI) as it is typed. */
const formSchema = recruitmentCreateSchema
  .omit({ candidateId: true, jobNeedId: true, presentationId: true })
  .extend({ hoursPerWeek })
  .check(
    betweenFields(['kind', 'startDate', 'endDate', 'employerId', 'organisation'], (recruitment) =>
      recruitmentConsistencyErrors({
        kind: recruitment.kind,
        startDate: recruitment.startDate,
        endDate: recruitment.endDate ?? null,
        employerId: recruitment.employerId ?? null,
        organisation: recruitment.organisation ?? null,
      }),
    ),
  );
type FormInput = z.input<typeof formSchema>;

/** What a new recruitment starts from: an accepted presentation and its job need, or a placement that ended in a hire. */
export type RecruitmentDraft = Partial<
  Pick<Recruitment, 'kind' | 'employerId' | 'hostName' | 'organisation' | 'jobNeedId' | 'presentationId' | 'hoursPerWeek' | 'startDate' | 'endDate'>
>;

function toValues(source: RecruitmentDraft & { notes?: string | null; employerApplying?: boolean }, language: string): FormInput {
  return {
    kind: source.kind ?? 'cdi',
    employerId: source.employerId ?? null,
    organisation: source.organisation ?? '',
    hoursPerWeek: decimalText(source.hoursPerWeek ?? null, language),
    startDate: source.startDate ?? '',
    endDate: source.endDate ?? '',
    notes: source.notes ?? '',
    employerApplying: source.employerApplying ?? false,
  };
}

interface RecruitmentFormProps {
  candidateId: string;
  /** The recruitment being edited; null for a new one. */
  recruitment: Recruitment | null;
  draft?: RecruitmentDraft;
  readOnly: boolean;
  onSaved(recruitment: Recruitment): void;
  onCancel(): void;
}

/**
 * A hire: the contract (or business creation, qualifying training), where, the hours and the
 * dates. The outcome class it will count as is shown as it is typed; the follow-ups at 1, 3, 6
 * and 12 months are created with it.
 */
export function RecruitmentForm({ candidateId, recruitment, draft = {}, readOnly, onSaved, onCancel }: RecruitmentFormProps) {
  const { t, i18n } = useTranslation();
  const source = recruitment ?? draft;
  const { form, errorOf, formError, inputId, save } = useRecordForm({
    schema: formSchema,
    idPrefix: 'recruitment',
    values: toValues(source, i18n.language),
    send: (fields) =>
      recruitment
        ? call('recruitments.update', { id: recruitment.id, ...fields })
        : call('recruitments.create', { candidateId, jobNeedId: draft.jobNeedId ?? null, presentationId: draft.presentationId ?? null, ...fields }),
    toValues: (saved) => toValues(saved, i18n.language),
    onSaved,
  });
  const { register, watch, setValue, formState } = form;
  const kind = watch('kind') as RecruitmentKind;
  const startDate = watch('startDate') ?? '';
  const endDate = watch('endDate') ?? '';
  const openEnded = OPEN_ENDED_KINDS.includes(kind);

  // A CDI or a business has no end: one typed before goes.
  useEffect(() => {
    if (openEnded) setValue('endDate', '');
  }, [openEnded, setValue]);

  const datesKnown = isValidIsoDate(startDate) && (openEnded || isValidIsoDate(endDate));
  const expected = datesKnown ? outcomeClass({ kind, startDate, endDate: openEnded ? null : endDate }) : null;

  return (
    <FormProvider {...form}>
      <form
        className="card form journey-form"
        noValidate
        onSubmit={save}
        aria-label={t(recruitment ? 'matching.ui.recruitments.form.editLabel' : 'matching.ui.recruitments.form.newLabel')}
      >
        <fieldset disabled={readOnly} className="form-body">
          <fieldset className="form-section">
            <legend>{t('matching.ui.recruitments.form.contract')}</legend>
            <div className="form-grid">
              <Field id={inputId('kind')} label={t('matching.ui.recruitments.fields.kind')} error={errorOf('kind')} required>
                {(a11y) => (
                  <select {...a11y} {...register('kind')}>
                    {RECRUITMENT_KINDS.map((option) => (
                      <option key={option} value={option}>
                        {t(recruitmentKindKey(option))}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={inputId('hoursPerWeek')}
                label={t('matching.ui.recruitments.fields.hoursPerWeek')}
                hint={t('matching.ui.recruitments.form.hoursHint', { max: MAX_HOURS_PER_WEEK })}
                error={errorOf('hoursPerWeek')}
              >
                {(a11y) => <input type="text" inputMode="decimal" autoComplete="off" maxLength={6} {...a11y} {...register('hoursPerWeek')} />}
              </Field>
              <HostField
                inputId={inputId}
                employerName={source.employerId ? (source.hostName ?? null) : null}
                label={t('matching.ui.recruitments.fields.host')}
                hint={t('matching.ui.journey.host.hint')}
                error={errorOf('employerId') ?? errorOf('organisation')}
                required={kind !== 'business_creation'}
              />
              <Field id={inputId('startDate')} label={t('matching.ui.recruitments.fields.startDate')} error={errorOf('startDate')} required>
                {(a11y) => <DateInput {...a11y} {...register('startDate')} />}
              </Field>
              {openEnded ? (
                <div className="field">
                  <span className="field-label-text">{t('matching.ui.recruitments.fields.endDate')}</span>
                  <p className="field-note journey-no-end">{t(`matching.ui.recruitments.form.noEnd.${kind}`)}</p>
                </div>
              ) : (
                <Field
                  id={inputId('endDate')}
                  label={t('matching.ui.recruitments.fields.endDate')}
                  hint={t('matching.ui.recruitments.form.endHint', { months: DURABLE_MIN_MONTHS })}
                  error={errorOf('endDate')}
                  required
                >
                  {(a11y) => <DateInput {...a11y} {...register('endDate')} />}
                </Field>
              )}
              {authorisedActivity({ type: 'recruitment', kind }) !== null && <EmployerApplyingField inputId={inputId} error={errorOf('employerApplying')} />}
            </div>
            <p className="form-note journey-outcome-preview" aria-live="polite">
              {expected ? (
                <>
                  <OutcomeClassBadge outcomeClass={expected} />
                  <span>{t(`matching.ui.recruitments.outcomeHints.${expected}`)}</span>
                </>
              ) : (
                t('matching.ui.recruitments.form.outcomeUnknown')
              )}
            </p>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('matching.ui.recruitments.fields.notes')}</legend>
            <div className="form-grid">
              <Field id={inputId('notes')} label={t('matching.ui.recruitments.fields.notes')} error={errorOf('notes')} wide>
                {(a11y) => <textarea rows={3} maxLength={2000} {...a11y} {...register('notes')} />}
              </Field>
            </div>
            {!recruitment && <p className="form-note">{t('matching.ui.recruitments.form.createNote')}</p>}
          </fieldset>
        </fieldset>
        {!readOnly && (
          <FormActions
            error={formError}
            submitLabel={t(recruitment ? 'matching.ui.recruitments.form.save' : 'matching.ui.recruitments.form.create')}
            submitting={formState.isSubmitting}
            cancel={{ label: t('matching.ui.journey.backToJourney'), onCancel }}
          />
        )}
      </form>
    </FormProvider>
  );
}
