import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineKind, TimelineSubject } from '../../../shared/domain';
import type { TimelineEvent } from '../../../shared/timeline';
import { today } from '../../../shared/validation';
import { call } from '../api/client';
import { useCurrentAuthor } from './currentAuthor';
import { ErrorAlert } from './ErrorAlert';
import { KindAndDayFields, TimelineEntry } from './TimelineEntry';
import { useLeaveGuard } from './leaveGuard';

interface TimelinePanelProps {
  subjectType: TimelineSubject;
  subjectId: string;
  /** Read-only for an archived record. */
  readOnly?: boolean;
  /** After an entry is added, e.g. to refresh a count of contacts shown elsewhere on the screen. */
  onAdded?(event: TimelineEvent): void;
}

/**
 * The history of a candidate, employer or partner, newest first, with a quick form to add a
 * call, meeting, drop-in visit, message or note that has happened (not a day to come), and
 * each entry typed by a person can be corrected or deleted. The author is remembered on this computer.
 */
export function TimelinePanel({ subjectType, subjectId, readOnly = false, onAdded }: TimelinePanelProps) {
  const { t } = useTranslation();
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [kind, setKind] = useState<TimelineKind>('call');
  const [occurredAt, setOccurredAt] = useState(today);
  const [text, setText] = useState('');
  useLeaveGuard(text.trim() !== '');
  const { author, setAuthor } = useCurrentAuthor();
  const [saveError, setSaveError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    const result = await call('timeline.list', { subjectType, subjectId, limit: 200 });
    if (result.ok) {
      setEvents(result.value.items);
      setTotal(result.value.total);
      setLoadError(null);
    } else setLoadError(result.error.message);
  }, [subjectType, subjectId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await call('timeline.add', { subjectType, subjectId, kind, occurredAt, author, text });
    setSaving(false);
    if (!result.ok) {
      setSaveError({ message: result.error.message, fields: result.error.fields ?? {} });
      return;
    }
    setSaveError(null);
    setText('');
    onAdded?.(result.value);
    await load();
  }

  const fieldError = (name: string) => saveError?.fields[name];
  const errorId = `timeline-${subjectId}-error`;
  /** A field the refusal names is marked invalid and reads the message with its label. */
  const errorLink = (name: string) => (fieldError(name) ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  return (
    <section className="card timeline" aria-labelledby={`timeline-${subjectId}`}>
      <h2 id={`timeline-${subjectId}`}>{t('timeline.ui.title')}</h2>
      {!readOnly && (
        <form className="timeline-form" onSubmit={(event) => void add(event)} noValidate>
          <div className="timeline-form-row">
            <KindAndDayFields kind={kind} day={occurredAt} invalidDay={Boolean(fieldError('occurredAt'))} errorId={errorId} onKind={setKind} onDay={setOccurredAt} />
            <label className="compact-field">
              <span>{t('timeline.ui.author')}</span>
              <input type="text" value={author} maxLength={100} {...errorLink('author')} onChange={(event) => setAuthor(event.target.value)} />
            </label>
          </div>
          <label className="compact-field compact-field-wide">
            <span>{t('timeline.ui.text')}</span>
            <textarea
              value={text}
              rows={2}
              maxLength={5000}
              placeholder={t('timeline.ui.textPlaceholder')}
              {...errorLink('text')}
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <div className="timeline-form-actions">
            {saveError && (
              <p className="field-error" id={errorId} role="alert">
                {t(Object.values(saveError.fields)[0] ?? saveError.message)}
              </p>
            )}
            <button type="submit" className="button button-secondary" disabled={saving}>
              {t('timeline.ui.add')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert messageKey={loadError} />
      {events !== null && events.length === 0 && <p className="muted">{t('timeline.ui.empty')}</p>}
      {events !== null && events.length > 0 && (
        <ol className="timeline-list" data-testid="timeline">
          {events.map((item) => (
            <TimelineEntry key={item.id} event={item} readOnly={readOnly} onChanged={load} />
          ))}
        </ol>
      )}
      {events !== null && total > events.length && <p className="muted">{t('timeline.ui.more', { count: total - events.length })}</p>}
    </section>
  );
}
