import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLANNABLE_PRESENTATION_STATES,
  type Presentation,
  type PresentationState,
  REFUSAL_REASONS,
  type RefusalReason,
  nextChangeFloor,
} from '../../../../shared/pipeline';
import { today } from '../../../../shared/validation';
import { call } from '../../api/client';
import { useNotices } from '../../app/notices';
import { Field } from '../../ui/Field';
import { useCurrentAuthor } from '../../ui/currentAuthor';
import { presentationStateKey, refusalReasonKey } from './format';
import { usePresentationChanges } from './presentationChanges';
import '../matching.css';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusWhenShown } from '../../ui/focus';
import { DateInput } from '../../ui/DateInput';

interface TransitionFormProps {
  presentation: Presentation;
  onChanged(presentation: Presentation): void;
}

type Refusal = { message: string; fields: Record<string, string> };

/**
 * What happened next: one choice per change the presentation allows now (no other is
 * offered), the day (today unless told), who, a note, and for a refusal its reason from the
 * fixed list. The server's refusals show at their field.
 */
export function TransitionForm({ presentation, onChanged }: TransitionFormProps) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const changed = usePresentationChanges((state) => state.changed);
  const { author, setAuthor } = useCurrentAuthor();
  const [to, setTo] = useState<PresentationState | null>(null);
  const [on, setOn] = useState(today);
  const [refusalReason, setRefusalReason] = useState<RefusalReason | ''>('');
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const allowed = presentation.allowedTransitions;

  if (allowed.length === 0) {
    return (
      <section className="card side-card transition-card" aria-labelledby="transition-title">
        <h2 id="transition-title" tabIndex={-1}>{t('matching.ui.presentations.next.title')}</h2>
        <p className="muted" data-testid="presentation-closed">
          {t(presentation.state === 'obsolete' ? 'matching.ui.presentations.next.obsolete' : 'matching.ui.presentations.next.closed')}
        </p>
      </section>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (to === null) return;
    setSaving(true);
    const result = await call('presentations.transition', {
      id: presentation.id,
      to,
      on,
      author,
      refusalReason: to === 'refused' && refusalReason !== '' ? refusalReason : null,
      note,
    });
    setSaving(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setRefusal({ message: result.error.message, fields });
      if (fields.refusalReason) reasonRef.current?.focus();
      return;
    }
    setRefusal(null);
    setTo(null);
    setRefusalReason('');
    setNote('');
    setOn(today());
    showNotice('matching.ui.presentations.notices.changed');
    changed();
    onChanged(result.value);
    // The step is saved: focus goes to what can happen next (or that nothing can).
    focusWhenShown('transition-title');
  }

  const fieldError = (name: string) => {
    const key = refusal?.fields[name];
    return key ? t(key) : undefined;
  };
  // An interview may be set for a day to come; every other step is dated once it has happened.
  const plannable = to !== null && PLANNABLE_PRESENTATION_STATES.includes(to);
  const shownFields = ['to', 'on', 'author', 'note', ...(to === 'refused' ? ['refusalReason'] : [])];
  const formError =
    refusal && (Object.keys(refusal.fields).length === 0 || Object.keys(refusal.fields).some((name) => !shownFields.includes(name))) ? refusal.message : null;

  return (
    <section className="card side-card transition-card" aria-labelledby="transition-title">
      <h2 id="transition-title" tabIndex={-1}>{t('matching.ui.presentations.next.title')}</h2>
      <form className="transition-form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="transition-choices">
          <legend className="transition-legend">{t('matching.ui.presentations.next.choose')}</legend>
          <div className="transition-choice-grid">
            {allowed.map((state) => (
              <label key={state} className={`transition-choice transition-${state}`}>
                <input
                  type="radio"
                  name="presentation-to"
                  value={state}
                  checked={to === state}
                  onChange={() => {
                    setTo(state);
                    setRefusal(null);
                  }}
                />
                <span className="transition-label">{t(presentationStateKey(state))}</span>
                <span className="transition-hint">{t(`matching.ui.presentations.actionHints.${state}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {fieldError('to') && <p className="field-error">{fieldError('to')}</p>}

        {to !== null && (
          <div className="transition-details">
            {to === 'refused' && (
              <Field id="transition-reason" label={t('matching.ui.presentations.next.reason')} error={fieldError('refusalReason')} required>
                {(a11y) => (
                  <select {...a11y} ref={reasonRef} value={refusalReason} onChange={(event) => setRefusalReason(event.target.value as RefusalReason | '')}>
                    <option value="">{t('matching.ui.presentations.next.chooseReason')}</option>
                    {REFUSAL_REASONS.map((reason) => (
                      <option key={reason} value={reason}>
                        {t(refusalReasonKey(reason))}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <div className="transition-row">
              <Field
                id="transition-on"
                label={t('matching.ui.presentations.next.on')}
                hint={plannable ? t('matching.ui.presentations.next.interviewHint') : undefined}
                error={fieldError('on')}
                required
              >
                {(a11y) => (
                  <DateInput
                    {...a11y}
                    value={on}
                    min={nextChangeFloor(presentation.history, today())}
                    max={plannable ? undefined : today()}
                    onChange={(event) => setOn(event.target.value)}
                  />
                )}
              </Field>
              <Field id="transition-author" label={t('matching.ui.presentations.next.author')} error={fieldError('author')}>
                {(a11y) => <input {...a11y} type="text" value={author} maxLength={100} onChange={(event) => setAuthor(event.target.value)} />}
              </Field>
            </div>
            <Field id="transition-note" label={t('matching.ui.presentations.next.note')} error={fieldError('note')}>
              {(a11y) => (
                <textarea
                  {...a11y}
                  rows={2}
                  maxLength={2000}
                  value={note}
                  placeholder={t('matching.ui.presentations.next.notePlaceholder')}
                  onChange={(event) => setNote(event.target.value)}
                />
              )}
            </Field>
          </div>
        )}

        <ErrorAlert messageKey={formError} />
        <div className="transition-actions">
          <button type="submit" className="button button-primary" disabled={to === null || saving}>
            {to === null ? t('matching.ui.presentations.next.saveNothing') : t('matching.ui.presentations.next.save', { state: t(presentationStateKey(to)) })}
          </button>
        </div>
      </form>
    </section>
  );
}
