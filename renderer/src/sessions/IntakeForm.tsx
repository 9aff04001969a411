import { zodResolver } from '@hookform/resolvers/zod';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AUTHORISATION_DOCUMENTS } from '../../../shared/domain';
import type { Sector } from '../../../shared/sectors';
import { type IntakeResult, intakeSchema } from '../../../shared/sessions';
import { parseOptions } from '../../../shared/validation';
import { call } from '../api/client';
import { formatPhone } from '../app/phone';
import { fullName } from '../ui/names';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { FrenchLevelOptions } from '../ui/FrenchLevelOptions';
import { sectorLabel } from '../ui/sectors';
import { showServerError } from '../ui/serverErrors';
import { type KnownPerson, useKnownPeople } from './useKnownPeople';
import { useLeaveGuard } from '../ui/leaveGuard';
import { DateInput } from '../ui/DateInput';

type FormInput = z.input<typeof intakeSchema>;
type FormOutput = z.output<typeof intakeSchema>;
type FieldName = Exclude<keyof FormInput, 'sessionId' | 'candidateId'>;
const FIELD_NAMES: FieldName[] = ['firstName', 'lastName', 'phone', 'frenchLevel', 'authorisationDocument', 'authorisationExpiry', 'sectorId', 'note'];
const inputId = (name: FieldName) => `intake-${name}`;

/** Selects say "nothing chosen" with an empty string; the contract says it with null. */
const baseResolver = zodResolver(intakeSchema, parseOptions);
const resolver: Resolver<FormInput, unknown, FormOutput> = (values, context, options) =>
  baseResolver(
    {
      ...values,
      authorisationDocument: values.authorisationDocument || null,
      sectorId: values.sectorId || null,
      candidateId: values.candidateId || undefined,
    },
    context,
    options,
  );

function emptyForm(sessionId: string): FormInput {
  return {
    sessionId,
    candidateId: '',
    firstName: '',
    lastName: '',
    phone: '',
    frenchLevel: 'not_assessed',
    authorisationDocument: '' as FormInput['authorisationDocument'],
    authorisationExpiry: '',
    sectorId: '',
    note: '',
  };
}

interface IntakeFormProps {
  sessionId: string;
  sectors: Sector[];
  onRecorded(result: IntakeResult): void;
}

/**
 * The drop-in room's quick intake, keyboard first: type, Enter, next person. While names and
 * phone are typed, files that may be the same person are offered ("Déjà connu ?"); choosing one
 * records the visit on that file and completes it with what was filled in.
 */
export function IntakeForm({ sessionId, sectors, onRecorded }: IntakeFormProps) {
  const { t } = useTranslation();
  const [known, setKnown] = useState<KnownPerson | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    setValue,
    watch,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormInput, unknown, FormOutput>({ resolver, defaultValues: emptyForm(sessionId) });
  useLeaveGuard(isDirty);

  const [firstName = '', lastName = '', phone = ''] = watch(['firstName', 'lastName', 'phone']);
  const matches = useKnownPeople({ firstName: firstName ?? '', lastName: lastName ?? '', phone: phone ?? '' }, known === null);

  // The room's first move is typing a name.
  useEffect(() => {
    setFocus('firstName');
  }, [setFocus]);

  function choose(person: KnownPerson) {
    setKnown(person);
    setValue('candidateId', person.candidate.id);
    // The names and phone are the file's now; the rest of the form completes it.
    requestAnimationFrame(() => setFocus('frenchLevel'));
  }

  function unchoose() {
    setKnown(null);
    setValue('candidateId', '');
    requestAnimationFrame(() => setFocus('firstName'));
  }

  const save = handleSubmit(async (fields) => {
    setFormError(null);
    const result = await call('sessions.intake', fields);
    if (!result.ok) {
      setFormError(showServerError(result.error, FIELD_NAMES, setError, inputId));
      return;
    }
    setKnown(null);
    reset(emptyForm(sessionId));
    onRecorded(result.value);
    requestAnimationFrame(() => setFocus('firstName'));
  });

  /**
   * Enter records the visit from any field, lists included. The down arrow goes from the names
   * and phone to the "already known" files, up and down move among them, Escape comes back.
   */
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    const offered = [...(formRef.current?.querySelectorAll<HTMLButtonElement>('.known-person') ?? [])];
    const at = offered.indexOf(target as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const fromIdentity = target.closest('.intake-row-identity') !== null && event.key === 'ArrowDown';
      const next = fromIdentity ? offered[0] : at >= 0 ? offered[at + (event.key === 'ArrowDown' ? 1 : -1)] : undefined;
      if (next) {
        event.preventDefault();
        next.focus();
      }
      return;
    }
    if (event.key === 'Escape' && at >= 0) {
      event.preventDefault();
      setFocus('firstName');
      return;
    }
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && target.tagName === 'SELECT') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const errorOf = (name: FieldName) => {
    const key = errors[name]?.message;
    return key ? t(key) : undefined;
  };

  return (
    <form
      ref={formRef}
      className="card intake"
      noValidate
      aria-labelledby="intake-title"
      onKeyDown={onKeyDown}
      onSubmit={(event) => void save(event)}
      data-testid="intake-form"
    >
      <div className="intake-header">
        <h2 id="intake-title">{t('sessions.ui.intake.title')}</h2>
        <p className="muted">{t('sessions.ui.intake.hint')}</p>
      </div>

      {known ? (
        <div className="intake-chosen" data-testid="intake-chosen">
          <p>
            <span className="strong">{t('sessions.ui.intake.chosen', { name: fullName(known.candidate) })}</span>
            <span className="muted"> {t('sessions.ui.intake.chosenHint')}</span>
          </p>
          <button type="button" className="button button-secondary" onClick={unchoose}>
            {t('sessions.ui.intake.unchoose')}
          </button>
        </div>
      ) : (
        <div className="intake-row intake-row-identity">
          <Field id={inputId('firstName')} label={t('sessions.ui.intake.firstName')} error={errorOf('firstName')} required>
            {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('firstName')} />}
          </Field>
          <Field id={inputId('lastName')} label={t('sessions.ui.intake.lastName')} error={errorOf('lastName')} required>
            {(a11y) => <input type="text" autoComplete="off" {...a11y} {...register('lastName')} />}
          </Field>
          <Field id={inputId('phone')} label={t('sessions.ui.intake.phone')} error={errorOf('phone')}>
            {(a11y) => <input type="tel" autoComplete="off" {...a11y} {...register('phone')} />}
          </Field>
        </div>
      )}

      {!known && matches.length > 0 && (
        <section className="known" aria-labelledby="known-title" data-testid="known-people">
          <h3 id="known-title">{t('sessions.ui.intake.known.title')}</h3>
          <p className="muted">{t('sessions.ui.intake.known.hint')}</p>
          <ul>
            {matches.map((person) => (
              <li key={person.candidate.id}>
                <button type="button" className="known-person" onClick={() => choose(person)}>
                  <span className="known-name">
                    <span className="last-name">{person.candidate.lastName}</span> {person.candidate.firstName}
                  </span>
                  <span className="known-details">
                    {[
                      person.candidate.phone && formatPhone(person.candidate.phone),
                      t(`common.values.frenchLevels.${person.candidate.frenchLevel}`),
                      person.reasons.map((reason) => t(`candidates.ui.duplicates.reasons.${reason}`)).join(', '),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <span className="known-pick">{t('sessions.ui.intake.known.pick')}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="intake-row intake-row-situation">
        <Field id={inputId('frenchLevel')} label={t('sessions.ui.intake.frenchLevel')} error={errorOf('frenchLevel')}>
          {(a11y) => (
            <select {...a11y} {...register('frenchLevel')}>
              <FrenchLevelOptions />
            </select>
          )}
        </Field>
        <Field id={inputId('authorisationDocument')} label={t('sessions.ui.intake.document')} error={errorOf('authorisationDocument')}>
          {(a11y) => (
            <select {...a11y} {...register('authorisationDocument')}>
              <option value="">{t('sessions.ui.intake.notGiven')}</option>
              {AUTHORISATION_DOCUMENTS.map((document) => (
                <option key={document} value={document}>
                  {t(`candidates.values.documents.${document}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={inputId('authorisationExpiry')} label={t('sessions.ui.intake.expiry')} error={errorOf('authorisationExpiry')}>
          {(a11y) => <DateInput {...a11y} {...register('authorisationExpiry')} />}
        </Field>
        <Field id={inputId('sectorId')} label={t('sessions.ui.intake.sector')} error={errorOf('sectorId')}>
          {(a11y) => (
            <select {...a11y} {...register('sectorId')}>
              <option value="">{t('sessions.ui.intake.notGiven')}</option>
              {sectors.map((sector) => (
                <option key={sector.id} value={sector.id}>
                  {sectorLabel(sector, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <div className="intake-row intake-row-note">
        <Field id={inputId('note')} label={t('sessions.ui.intake.note')} error={errorOf('note')}>
          {(a11y) => (
            <input type="text" autoComplete="off" maxLength={1000} placeholder={t('sessions.ui.intake.notePlaceholder')} {...a11y} {...register('note')} />
          )}
        </Field>
        <button type="submit" className="button button-primary button-large" disabled={isSubmitting}>
          {t(known ? 'sessions.ui.intake.submitKnown' : 'sessions.ui.intake.submit')}
        </button>
      </div>
      <ErrorAlert messageKey={formError} />
    </form>
  );
}
