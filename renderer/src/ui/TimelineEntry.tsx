import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineKind } from '../../../shared/domain';
import type { TimelineEvent } from '../../../shared/timeline';
import { today } from '../../../shared/validation';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useCurrentAuthor } from './currentAuthor';
import { DateInput } from './DateInput';

interface TimelineEntryProps {
  event: TimelineEvent;
  /** No correction or deletion (an archived record). */
  readOnly: boolean;
  /** After a correction or a deletion, to read the list again. */
  onChanged(): Promise<void>;
}

type Mode = 'view' | 'edit' | 'confirmRemove';

interface KindAndDayProps {
  kind: TimelineKind;
  day: string;
  invalidDay: boolean;
  /** The id of the message that says what is wrong with the day, read with the field. */
  errorId: string;
  onKind(kind: TimelineKind): void;
  onDay(day: string): void;
}

/** The kind of an entry and its day (not after today: what is recorded has happened), for adding and correcting. */
export function KindAndDayFields({ kind, day, invalidDay, errorId, onKind, onDay }: KindAndDayProps) {
  const { t } = useTranslation();
  return (
    <>
      <label className="compact-field">
        <span>{t('timeline.ui.kind')}</span>
        <select value={kind} onChange={(changed) => onKind(changed.target.value as TimelineKind)}>
          {TIMELINE_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`timeline.values.kinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="compact-field">
        <span>{t('timeline.ui.date')}</span>
        <DateInput
          value={day}
          max={today()}
          aria-invalid={invalidDay}
          aria-describedby={invalidDay ? errorId : undefined}
          onChange={(changed) => onDay(changed.target.value)}
        />
      </label>
    </>
  );
}

/**
 * One entry of a history. An entry a person typed can be corrected (day, kind, text) or
 * deleted after a confirmation; the main process logs who did it. An entry the app wrote (a
 * drop-in visit) says where it is changed instead.
 */
export function TimelineEntry({ event, readOnly, onChanged }: TimelineEntryProps) {
  const { t, i18n } = useTranslation();
  const { author } = useCurrentAuthor();
  const [mode, setMode] = useState<Mode>('view');
  const [kind, setKind] = useState<TimelineKind>(event.kind);
  const [day, setDay] = useState(event.occurredAt.slice(0, 10));
  const [text, setText] = useState(event.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const kindLabel = t(`timeline.values.kinds.${event.kind}`);
  const dateLabel = formatDate(event.occurredAt, i18n.language);

  // The question takes the focus, so Enter confirms and Tab reaches "Keep".
  useEffect(() => {
    if (mode === 'confirmRemove') confirmRef.current?.focus();
  }, [mode]);

  function startEditing() {
    setKind(event.kind);
    setDay(event.occurredAt.slice(0, 10));
    setText(event.text ?? '');
    setError(null);
    setMode('edit');
  }

  async function save(submitted: FormEvent) {
    submitted.preventDefault();
    setSaving(true);
    // The same day keeps the time the entry may carry.
    const occurredAt = day === event.occurredAt.slice(0, 10) ? event.occurredAt : day;
    const result = await call('timeline.update', { id: event.id, kind, occurredAt, text, by: author });
    setSaving(false);
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    setMode('view');
    await onChanged();
  }

  async function remove() {
    setSaving(true);
    const result = await call('timeline.remove', { id: event.id, by: author });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.message);
      setMode('view');
      return;
    }
    await onChanged();
  }

  if (mode === 'edit') {
    return (
      <li className="timeline-item timeline-item-editing">
        <form className="timeline-form timeline-edit-form" onSubmit={(submitted) => void save(submitted)} noValidate>
          <div className="timeline-form-row">
            <KindAndDayFields kind={kind} day={day} invalidDay={Boolean(error)} errorId={`timeline-entry-${event.id}-error`} onKind={setKind} onDay={setDay} />
          </div>
          <label className="compact-field compact-field-wide">
            <span>{t('timeline.ui.text')}</span>
            <textarea value={text} rows={2} maxLength={5000} onChange={(changed) => setText(changed.target.value)} />
          </label>
          <div className="timeline-form-actions">
            {error && (
              <p className="field-error" id={`timeline-entry-${event.id}-error`} role="alert">
                {t(error)}
              </p>
            )}
            <button type="button" className="button button-quiet" onClick={() => setMode('view')}>
              {t('timeline.ui.cancel')}
            </button>
            <button type="submit" className="button button-secondary" disabled={saving}>
              {t('timeline.ui.saveCorrection')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className="timeline-item">
      <div className="timeline-meta">
        <span className={`timeline-kind timeline-kind-${event.kind}`}>{kindLabel}</span>
        <time dateTime={event.occurredAt}>{dateLabel}</time>
        {event.author && <span className="muted">{event.author}</span>}
        {event.automatic && <span className="muted">{t('timeline.ui.fromSession')}</span>}
        {!readOnly && !event.automatic && mode === 'view' && (
          <span className="timeline-actions">
            <button type="button" className="button button-quiet button-small" aria-label={t('timeline.ui.editLabel', { kind: kindLabel, date: dateLabel })} onClick={startEditing}>
              {t('timeline.ui.edit')}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={t('timeline.ui.removeLabel', { kind: kindLabel, date: dateLabel })}
              onClick={() => {
                setError(null);
                setMode('confirmRemove');
              }}
            >
              {t('timeline.ui.remove')}
            </button>
          </span>
        )}
      </div>
      {event.text && <p className="timeline-text">{event.text}</p>}
      {mode === 'confirmRemove' && (
        <div className="timeline-confirm">
          <p>{t('timeline.ui.confirmRemove')}</p>
          <span className="confirm-actions">
            <button ref={confirmRef} type="button" className="button button-danger" disabled={saving} onClick={() => void remove()}>
              {t('timeline.ui.remove')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setMode('view')}>
              {t('timeline.ui.keep')}
            </button>
          </span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t(error)}
        </p>
      )}
    </li>
  );
}
