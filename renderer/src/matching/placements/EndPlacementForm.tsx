import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PLACEMENT_OUTCOMES, type Placement, type PlacementSummary, placementEndSchema } from '../../../../shared/pipeline';
import { parseOptions, today } from '../../../../shared/validation';
import { call } from '../../api/client';
import { ChoicePills } from '../../ui/ChoicePills';
import { Field } from '../../ui/Field';
import { showServerError } from '../../ui/serverErrors';
import { placementOutcomeKey } from './format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLeaveGuard } from '../../ui/leaveGuard';
import { closeOnEscape, useFocusFirstField } from '../../ui/focus';
import { DateInput } from '../../ui/DateInput';

const formSchema = placementEndSchema.omit({ id: true });
type FormInput = z.input<typeof formSchema>;

interface EndPlacementFormProps {
  placement: PlacementSummary;
  onEnded(placement: Placement): void;
  onCancel(): void;
}

/** Ending a placement: how it ended (hired, extended, ended, abandoned) and on which day. */
export function EndPlacementForm({ placement, onEnded, onCancel }: EndPlacementFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useFocusFirstField<HTMLFormElement>();
  const idPrefix = `placement-${placement.id}-end`;
  const inputId = (name: string) => `${idPrefix}-${name}`;
  const form = useForm<FormInput, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema, parseOptions),
    // Today, within the placement's period (the planned last day once it has passed): the usual answer.
    defaultValues: { endedOn: withinPeriod(today(), placement), note: '' },
  });
  const { register, handleSubmit, formState, setError } = form;
  useLeaveGuard(formState.isDirty);
  const errorOf = (name: keyof FormInput) => {
    const message = formState.errors[name]?.message;
    return typeof message === 'string' ? t(message) : undefined;
  };

  const submit = handleSubmit(async (fields) => {
    setFormError(null);
    const result = await call('placements.end', { id: placement.id, ...fields });
    if (!result.ok) {
      setFormError(showServerError(result.error, ['outcome', 'endedOn', 'note'] as Path<FormInput>[], setError, inputId));
      return;
    }
    onEnded(result.value);
  });

  return (
    <form
      ref={formRef}
      className="inline-panel"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={closeOnEscape(onCancel)}
      aria-label={t('matching.ui.placements.end.label')}
    >
      <ChoicePills
        id={inputId('outcome')}
        legend={t('matching.ui.placements.end.outcome')}
        options={PLACEMENT_OUTCOMES}
        label={(outcome) => t(placementOutcomeKey(outcome))}
        error={errorOf('outcome')}
        registration={register('outcome')}
      />
      <div className="inline-panel-row">
        <Field id={inputId('endedOn')} label={t('matching.ui.placements.end.endedOn')} error={errorOf('endedOn')} required>
          {(a11y) => <DateInput min={placement.startDate} max={placement.endDate < today() ? placement.endDate : today()} {...a11y} {...register('endedOn')} />}
        </Field>
        <Field id={inputId('note')} label={t('matching.ui.placements.end.note')} error={errorOf('note')}>
          {(a11y) => <input type="text" autoComplete="off" maxLength={2000} {...a11y} {...register('note')} />}
        </Field>
      </div>
      <ErrorAlert messageKey={formError} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
          {t('matching.ui.placements.end.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('matching.ui.journey.cancel')}
        </button>
      </div>
    </form>
  );
}

function withinPeriod(date: string, { startDate, endDate }: PlacementSummary): string {
  if (date < startDate) return startDate;
  return date > endDate ? endDate : date;
}
