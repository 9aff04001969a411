import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { FOLLOW_UP_RESULTS, type FollowUp, LEFT_REASONS, type Recruitment, followUpRecordSchema } from '../../../../shared/pipeline';
import { parseOptions, today } from '../../../../shared/validation';
import { call } from '../../api/client';
import { ChoicePills } from '../../ui/ChoicePills';
import { Field } from '../../ui/Field';
import { useCurrentAuthor } from '../../ui/currentAuthor';
import { showServerError } from '../../ui/serverErrors';
import { followUpResultKey, leftReasonKey } from './format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLeaveGuard } from '../../ui/leaveGuard';
import { closeOnEscape, useFocusFirstField } from '../../ui/focus';
import { DateInput } from '../../ui/DateInput';

type FormInput = z.input<typeof followUpRecordSchema>;

/** The answers a follow-up records ("pending" is where it starts, not an answer). */
const ANSWERS = FOLLOW_UP_RESULTS.filter((result) => result !== 'pending');

interface FollowUpFormProps {
  followUp: FollowUp;
  /** "Follow-up at 3 months", for the form's name. */
  title: string;
  onRecorded(recruitment: Recruitment): void;
  onCancel(): void;
}

/** News of the person at a follow-up: still employed, left (and why), or not known; when, by whom, a note. */
export function FollowUpForm({ followUp, title, onRecorded, onCancel }: FollowUpFormProps) {
  const { t } = useTranslation();
  const { author, setAuthor } = useCurrentAuthor();
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useFocusFirstField<HTMLFormElement>();
  const inputId = (name: string) => `follow-up-${followUp.id}-${name}`;
  const form = useForm<FormInput, unknown, z.output<typeof followUpRecordSchema>>({
    resolver: zodResolver(followUpRecordSchema, parseOptions),
    defaultValues: {
      id: followUp.id,
      result: followUp.result === 'pending' ? undefined : followUp.result,
      leftReason: followUp.leftReason,
      recordedOn: followUp.recordedOn ?? today(),
      author: followUp.author ?? author,
      note: followUp.note ?? '',
    },
  });
  const { register, handleSubmit, formState, setError, watch } = form;
  useLeaveGuard(formState.isDirty);
  const left = watch('result') === 'left';
  const errorOf = (name: keyof FormInput) => {
    const message = formState.errors[name]?.message;
    return typeof message === 'string' ? t(message) : undefined;
  };

  const submit = handleSubmit(async (fields) => {
    setFormError(null);
    if (fields.author) setAuthor(fields.author);
    const result = await call('followUps.record', { ...fields, leftReason: fields.result === 'left' ? fields.leftReason : null });
    if (!result.ok) {
      const onScreen = ['result', 'leftReason', 'recordedOn', 'author', 'note'] as Path<FormInput>[];
      setFormError(showServerError(result.error, onScreen, setError, inputId));
      return;
    }
    onRecorded(result.value);
  });

  return (
    <form
      ref={formRef}
      className="inline-panel"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={closeOnEscape(onCancel)}
      aria-label={title}
      data-testid="follow-up-form"
    >
      <p className="inline-panel-title">{title}</p>
      <ChoicePills
        id={inputId('result')}
        legend={t('matching.ui.recruitments.followUps.result')}
        options={ANSWERS}
        label={(answer) => t(followUpResultKey(answer))}
        error={errorOf('result')}
        registration={register('result')}
      />
      <div className="inline-panel-row">
        {left && (
          <Field id={inputId('leftReason')} label={t('matching.ui.recruitments.followUps.leftReason')} error={errorOf('leftReason')} required>
            {(a11y) => (
              <select {...a11y} {...register('leftReason', { setValueAs: (value) => (value === '' ? null : value) })}>
                <option value="">{t('matching.ui.recruitments.followUps.chooseReason')}</option>
                {LEFT_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(leftReasonKey(reason))}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field id={inputId('recordedOn')} label={t('matching.ui.recruitments.followUps.recordedOn')} error={errorOf('recordedOn')}>
          {(a11y) => <DateInput max={today()} {...a11y} {...register('recordedOn')} />}
        </Field>
        <Field id={inputId('author')} label={t('matching.ui.recruitments.followUps.author')} error={errorOf('author')}>
          {(a11y) => <input type="text" autoComplete="off" maxLength={100} {...a11y} {...register('author')} />}
        </Field>
        <Field id={inputId('note')} label={t('matching.ui.recruitments.followUps.note')} error={errorOf('note')} wide>
          {(a11y) => <input type="text" autoComplete="off" maxLength={2000} {...a11y} {...register('note')} />}
        </Field>
      </div>
      <ErrorAlert messageKey={formError} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
          {t('matching.ui.recruitments.followUps.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('matching.ui.journey.cancel')}
        </button>
      </div>
    </form>
  );
}
