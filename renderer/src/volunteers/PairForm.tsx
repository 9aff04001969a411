import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PAIR_KINDS } from '../../../shared/domain';
import type { Sector } from '../../../shared/sectors';
import { betweenFields, parseOptions } from '../../../shared/validation';
import { type Pair, type VolunteerName, pairConsistencyErrors } from '../../../shared/volunteers';
import { call } from '../api/client';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { sectorLabel } from '../ui/sectors';
import { showServerError } from '../ui/serverErrors';
import { sortableName } from './names';
import { closeOnEscape } from '../ui/focus';
import { useLeaveGuard } from '../ui/leaveGuard';

/** Selects hold strings ("" for none chosen); the pair's own rules, from the contract, apply. */
const formSchema = z
  .object({
    kind: z.enum(PAIR_KINDS, { error: 'common.errors.choice' }),
    sectorId: z.string(),
    firstVolunteerId: z.string().min(1, { error: 'volunteers.ui.pairs.chooseVolunteerError' }),
    secondVolunteerId: z.string().min(1, { error: 'volunteers.ui.pairs.chooseVolunteerError' }),
  })
  .check(
    betweenFields(['kind', 'sectorId', 'firstVolunteerId', 'secondVolunteerId'], (pair) =>
      pairConsistencyErrors({ ...pair, sectorId: pair.sectorId || null }),
    ),
  );
type FormValues = z.infer<typeof formSchema>;
type FieldName = keyof FormValues;
const FIELD_NAMES: FieldName[] = ['kind', 'sectorId', 'firstVolunteerId', 'secondVolunteerId'];
const inputId = (name: FieldName) => `pair-${name}`;

export type PairDraft = { pair: Pair } | { kind: Pair['kind']; sectorId: string | null };

interface PairFormProps {
  draft: PairDraft;
  sectors: Sector[];
  /** Active volunteers, who may join a pair. */
  volunteers: VolunteerName[];
  onSaved(pair: Pair, created: boolean): void;
  onCancel(): void;
}

/** Create or change a pair: its kind, its sector (for a sector pair) and its two volunteers. */
export function PairForm({ draft, sectors, volunteers, onSaved, onCancel }: PairFormProps) {
  const { t } = useTranslation();
  const pair = 'pair' in draft ? draft.pair : null;
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema, parseOptions),
    defaultValues: {
      kind: pair?.kind ?? ('kind' in draft ? draft.kind : 'sector'),
      sectorId: pair?.sector?.id ?? ('sectorId' in draft ? (draft.sectorId ?? '') : ''),
      firstVolunteerId: pair?.firstVolunteer.id ?? '',
      secondVolunteerId: pair?.secondVolunteer.id ?? '',
    },
  });
  useLeaveGuard(isDirty);
  const kind = watch('kind');

  // Start where there is something to choose: the sector, unless it is already given.
  const presetScope = pair !== null || ('kind' in draft && (draft.kind === 'temp_agencies' || draft.sectorId !== null));
  useEffect(() => {
    setFocus(presetScope ? 'firstVolunteerId' : 'sectorId');
  }, [presetScope, setFocus]);

  const save = handleSubmit(async (values) => {
    setFormError(null);
    const fields = { ...values, sectorId: values.kind === 'sector' ? values.sectorId || null : null };
    const result = pair ? await call('pairs.update', { id: pair.id, ...fields }) : await call('pairs.create', fields);
    if (!result.ok) {
      setFormError(showServerError(result.error, FIELD_NAMES, setError, inputId));
      return;
    }
    onSaved(result.value, pair === null);
  });

  const errorOf = (name: FieldName) => {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  };

  // A member who has since become inactive stays listed for the pair they are in.
  const members = pair ? [pair.firstVolunteer, pair.secondVolunteer] : [];
  const choices = [...volunteers, ...members.filter((member) => !volunteers.some((volunteer) => volunteer.id === member.id))];
  const volunteerOptions = (
    <>
      <option value="">{t('volunteers.ui.pairs.chooseVolunteer')}</option>
      {choices.map((volunteer) => (
        <option key={volunteer.id} value={volunteer.id}>
          {sortableName(volunteer)}
          {volunteer.active && !volunteer.archivedAt ? '' : ` (${t('volunteers.ui.status.inactive')})`}
        </option>
      ))}
    </>
  );
  const sectorChoices = sectors.filter((sector) => sector.archivedAt === null || sector.id === pair?.sector?.id);

  return (
    <form
      className="card form pair-form"
      noValidate
      onSubmit={(event) => void save(event)}
      onKeyDown={closeOnEscape(onCancel)}
      aria-labelledby="pair-form-title"
    >
      <h2 id="pair-form-title" className="form-title">
        {t(pair ? 'volunteers.ui.pairs.editTitle' : 'volunteers.ui.pairs.newTitle')}
      </h2>
      <div className="form-grid">
        <fieldset className="field kind-choice">
          <legend className="field-label-text">{t('volunteers.ui.pairs.kind')}</legend>
          <div className="segmented filter">
            {PAIR_KINDS.map((option) => (
              <label key={option}>
                <input type="radio" value={option} {...register('kind')} />
                <span>{t(`volunteers.ui.pairs.kindChoice.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {kind === 'sector' ? (
          <Field id={inputId('sectorId')} label={t('volunteers.ui.pairs.sector')} error={errorOf('sectorId')} required>
            {(a11y) => (
              <select {...a11y} {...register('sectorId')}>
                <option value="">{t('volunteers.ui.pairs.chooseSector')}</option>
                {sectorChoices.map((sector) => (
                  <option key={sector.id} value={sector.id}>
                    {sectorLabel(sector, t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p className="field-hint kind-hint">{t('volunteers.ui.pairs.tempAgenciesHint')}</p>
        )}
        <Field id={inputId('firstVolunteerId')} label={t('volunteers.ui.pairs.first')} error={errorOf('firstVolunteerId')} required>
          {(a11y) => (
            <select {...a11y} {...register('firstVolunteerId')}>
              {volunteerOptions}
            </select>
          )}
        </Field>
        <Field id={inputId('secondVolunteerId')} label={t('volunteers.ui.pairs.second')} error={errorOf('secondVolunteerId')} required>
          {(a11y) => (
            <select {...a11y} {...register('secondVolunteerId')}>
              {volunteerOptions}
            </select>
          )}
        </Field>
      </div>
      <p className="field-hint">{t('volunteers.ui.pairs.onlyActive')}</p>
      <FormActions
        submitLabel={t(pair ? 'volunteers.ui.pairs.save' : 'volunteers.ui.pairs.create')}
        submitting={isSubmitting}
        error={formError}
        cancel={{ label: t('volunteers.ui.pairs.cancel'), onCancel }}
      />
    </form>
  );
}
