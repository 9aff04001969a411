import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/validation';
import type { Volunteer } from '../../../shared/volunteers';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { routeToHash } from '../app/routes';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { useLeaveGuard } from '../ui/leaveGuard';
import { useApiValue } from '../ui/useApiValue';
import { formatDuration, parseDuration } from './duration';
import { DateInput } from '../ui/DateInput';

const FIELDS = ['date', 'duration', 'sessionId', 'task'] as const;
type FieldName = (typeof FIELDS)[number];
const inputId = (name: FieldName) => `hours-${name}`;

/** The API names the duration `hours` or `minutes`; the form has one field for both. */
function formField(path: string): FieldName | null {
  if (path === 'hours' || path === 'minutes') return 'duration';
  return (FIELDS as readonly string[]).includes(path) ? (path as FieldName) : null;
}

/** Hours a volunteer gave: a quick form, the entries newest first, and this year's total. */
export function HoursPanel({ volunteer, readOnly }: { volunteer: Volunteer; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, reload } = useApiValue('volunteerHours.list', { volunteerId: volunteer.id });
  const { state: sessionsState } = useApiValue('sessions.list', { limit: 100 });
  // Hours are given on a day that has come: sessions still ahead are not offered.
  const sessions = sessionsState.status === 'ready' ? sessionsState.value.items.filter((session) => session.date <= today()) : [];
  const [date, setDate] = useState(today);
  const [duration, setDuration] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [task, setTask] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const durationRef = useRef<HTMLInputElement>(null);
  useLeaveGuard(duration !== '' || task.trim() !== '');

  async function add(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = parseDuration(duration);
    if ('errorKey' in parsed) {
      setErrors({ duration: parsed.errorKey });
      durationRef.current?.focus();
      return;
    }
    setSaving(true);
    const result = await call('volunteerHours.add', { volunteerId: volunteer.id, date, minutes: parsed.minutes, sessionId: sessionId || null, task });
    setSaving(false);
    if (!result.ok) {
      const found: Partial<Record<FieldName, string>> = {};
      for (const [path, key] of Object.entries(result.error.fields ?? {})) {
        const name = formField(path);
        if (name) found[name] ??= key;
      }
      setErrors(found);
      if (Object.keys(found).length === 0) setFormError(result.error.message);
      const [first] = Object.keys(found) as FieldName[];
      if (first) document.getElementById(inputId(first))?.focus();
      return;
    }
    setErrors({});
    setDuration('');
    setTask('');
    showNotice('volunteers.ui.hours.added');
    durationRef.current?.focus();
    await reload();
  }

  /** Time given at a session was given on its day: choosing one sets the date. */
  function chooseSession(id: string) {
    setSessionId(id);
    const session = sessions.find((item) => item.id === id);
    if (session) setDate(session.date);
  }

  async function remove(entryId: string) {
    setFormError(null);
    const result = await call('volunteerHours.remove', { id: entryId });
    if (!result.ok) setFormError(result.error.message);
    else showNotice('volunteers.ui.hours.removed');
    await reload();
  }

  const errorOf = (name: FieldName) => (errors[name] ? t(errors[name]) : undefined);
  const { year } = volunteer.hoursThisYear;
  const entries = state.status === 'ready' ? state.value.items : [];
  const yearMinutes = entries.filter((entry) => entry.date.startsWith(`${year}-`)).reduce((sum, entry) => sum + entry.minutes, 0);
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const sessionLabel = (id: string) => {
    const session = sessionById.get(id);
    return session ? `${formatDate(session.date, i18n.language)} · ${session.place}` : null;
  };
  /** In the list the date has its own column: the place says which session. */
  const sessionPlace = (id: string) => sessionById.get(id)?.place;

  return (
    <section className="card side-card" aria-labelledby="volunteer-hours-title">
      <div className="side-card-header">
        <h2 id="volunteer-hours-title">{t('volunteers.ui.hours.title')}</h2>
        <p className="hours-total" data-testid="hours-total">
          {t('volunteers.ui.hours.totalYear', { year, duration: formatDuration(yearMinutes, t) })}
        </p>
      </div>

      {!readOnly && (
        <form className="hours-form" noValidate onSubmit={(event) => void add(event)}>
          <Field id={inputId('date')} label={t('volunteers.ui.hours.date')} error={errorOf('date')} required>
            {(a11y) => <DateInput max={today()} value={date} onChange={(event) => setDate(event.target.value)} {...a11y} />}
          </Field>
          <Field id={inputId('duration')} label={t('volunteers.ui.hours.duration')} hint={t('volunteers.ui.hours.durationHint')} error={errorOf('duration')} required>
            {(a11y) => (
              <input
                ref={durationRef}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={duration}
                onChange={(event) => setDuration(event.target.value)}
                {...a11y}
              />
            )}
          </Field>
          <Field id={inputId('sessionId')} label={t('volunteers.ui.hours.session')} error={errorOf('sessionId')} wide>
            {(a11y) => (
              <select value={sessionId} onChange={(event) => chooseSession(event.target.value)} {...a11y}>
                <option value="">{t('volunteers.ui.hours.noSession')}</option>
                {sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {sessionLabel(session.id)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={inputId('task')} label={t('volunteers.ui.hours.task')} error={errorOf('task')} wide>
            {(a11y) => (
              <input
                type="text"
                autoComplete="off"
                maxLength={200}
                placeholder={t('volunteers.ui.hours.taskPlaceholder')}
                value={task}
                onChange={(event) => setTask(event.target.value)}
                {...a11y}
              />
            )}
          </Field>
          <div className="hours-form-actions field-wide">
            <button type="submit" className="button button-secondary" disabled={saving}>
              {t('volunteers.ui.hours.add')}
            </button>
          </div>
        </form>
      )}

      <ErrorAlert messageKey={formError} />
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'ready' && entries.length === 0 && <p className="muted">{t('volunteers.ui.hours.empty')}</p>}
      {entries.length > 0 && (
        <ul className="hours-list" aria-label={t('volunteers.ui.hours.caption')}>
          {entries.map((entry) => {
            const duration = formatDuration(entry.minutes, t);
            const date = formatDate(entry.date, i18n.language);
            const place = entry.sessionId ? sessionPlace(entry.sessionId) : undefined;
            return (
              <li key={entry.id} className="hours-entry" data-testid="hours-row">
                <div>
                  <p>
                    <span className="strong">{duration}</span>
                    <span className="muted"> · </span>
                    <time dateTime={entry.date}>{date}</time>
                  </p>
                  {(entry.task || place) && (
                    <p className="cell-secondary">
                      {entry.task}
                      {entry.task && place && ' · '}
                      {entry.sessionId && place && (
                        <a href={routeToHash({ section: 'sessions', id: entry.sessionId })}>{t('volunteers.ui.hours.atSession', { place })}</a>
                      )}
                    </p>
                  )}
                </div>
                {!readOnly && (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('volunteers.ui.hours.removeLabel', { duration, date })}
                    onClick={() => void remove(entry.id)}
                  >
                    {t('volunteers.ui.hours.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
