import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, type Appointment, type AppointmentKind, type AppointmentStatus } from '../../../shared/appointments';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { downloadBase64, downloadText } from '../exchange/files';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { useApiValue } from '../ui/useApiValue';
import { formatWhen, translatedFields, useVolunteerChoices } from './labels';

interface Draft {
  id: string | null;
  kind: AppointmentKind;
  date: string;
  time: string;
  durationMinutes: string;
  place: string;
  volunteerId: string;
  status: AppointmentStatus;
  outcome: string;
}

const EMPTY: Draft = { id: null, kind: 'dropin', date: '', time: '10:00', durationMinutes: '30', place: '', volunteerId: '', status: 'planned', outcome: '' };

const draftOf = (appointment: Appointment): Draft => ({
  id: appointment.id,
  kind: appointment.kind,
  date: appointment.startsAt.slice(0, 10),
  time: appointment.startsAt.slice(11, 16),
  durationMinutes: String(appointment.durationMinutes),
  place: appointment.place ?? '',
  volunteerId: appointment.volunteerId ?? '',
  status: appointment.status,
  outcome: appointment.outcome ?? '',
});

interface Props {
  candidateId: string;
  readOnly: boolean;
  /** Opens the booking form at once (the "book an appointment" button of "what is next"). */
  booking: boolean;
  onChanged(): void;
}

/** A person's appointments: the list, booking and changing one, and what to give the person (letter, text, calendar file). */
export function AppointmentsPanel({ candidateId, readOnly, booking, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useApiValue('appointments.list', { candidateId });
  const [draft, setDraft] = useState<Draft | null>(booking ? EMPTY : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ id: string; text: string } | null>(null);
  const volunteers = useVolunteerChoices(!readOnly);
  const { author } = useCurrentAuthor();
  const showNotice = useNotices((store) => store.showNotice);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (booking) setDraft((current) => current ?? EMPTY);
  }, [booking]);
  // The form takes the focus when it opens, and again when another appointment is picked to change.
  const openDraft = draft === null ? null : (draft.id ?? 'new');
  useEffect(() => {
    if (openDraft !== null) firstField.current?.focus();
  }, [openDraft]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const fields = {
      kind: draft.kind,
      startsAt: `${draft.date}T${draft.time}`,
      durationMinutes: Number(draft.durationMinutes),
      place: draft.place,
      volunteerId: draft.volunteerId || null,
      status: draft.status,
      outcome: draft.outcome,
      author,
    };
    const result = draft.id ? await call('appointments.update', { id: draft.id, ...fields }) : await call('appointments.create', { candidateId, ...fields });
    if (!result.ok) {
      setErrors(translatedFields(result.error.fields, t));
      setError(result.error.fields ? null : result.error.message);
      return;
    }
    setDraft(null);
    setErrors({});
    setError(null);
    showNotice('appointments.ui.form.saved');
    await reload();
    onChanged();
  }

  async function remove(id: string) {
    const result = await call('appointments.remove', { id });
    setError(result.ok ? null : result.error.message);
    await reload();
    onChanged();
  }

  async function download(kind: 'ics' | 'letter', id: string) {
    const result = kind === 'ics' ? await call('appointments.ics', { id }) : await call('appointments.letter', { id });
    if (!result.ok) return setError(result.error.message);
    if (kind === 'ics') downloadText(result.value.content, result.value.fileName, result.value.mimeType);
    else downloadBase64(result.value.content, result.value.fileName);
  }

  async function showMessage(id: string) {
    const result = await call('appointments.message', { id });
    if (result.ok) setMessage({ id, text: result.value.text });
    else setError(result.error.message);
  }

  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((current) => (current ? { ...current, [field]: event.target.value } : current));
  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `appointment-${field}-error` } : {});
  const fieldError = (field: string) =>
    errors[field] ? (
      <span id={`appointment-${field}-error`} className="field-error">
        {errors[field]}
      </span>
    ) : null;

  return (
    <section className="card path-card" aria-labelledby="appointments-title">
      <header className="path-card-header">
        <h2 id="appointments-title">{t('appointments.ui.title')}</h2>
        {!readOnly && !draft && (
          <button type="button" className="button button-primary" onClick={() => setDraft(EMPTY)}>
            {t('appointments.ui.book')}
          </button>
        )}
      </header>
      <ErrorAlert messageKey={error} />
      {draft && (
        <form className="path-form" onSubmit={(event) => void save(event)} aria-label={t('appointments.ui.book')}>
          <div className="path-form-grid">
            <div className="field">
              <label className="field-label" htmlFor="appointment-kind">{t('appointments.ui.form.kind')}</label>
              <select id="appointment-kind" ref={firstField} value={draft.kind} onChange={set('kind')}>
                {APPOINTMENT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`appointments.values.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="appointment-date">{t('appointments.ui.form.date')}</label>
              <DateInput id="appointment-date" value={draft.date} onChange={set('date')} required {...invalid('startsAt')} />
              {fieldError('startsAt')}
            </div>
            <div className="field">
              <label className="field-label" htmlFor="appointment-time">{t('appointments.ui.form.time')}</label>
              <input id="appointment-time" type="time" value={draft.time} onChange={set('time')} required />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="appointment-duration">{t('appointments.ui.form.duration')}</label>
              <input id="appointment-duration" type="number" min={5} max={720} step={5} value={draft.durationMinutes} onChange={set('durationMinutes')} {...invalid('durationMinutes')} />
              {fieldError('durationMinutes')}
            </div>
            <div className="field field-wide">
              <label className="field-label" htmlFor="appointment-place">{t('appointments.ui.form.place')}</label>
              <input id="appointment-place" value={draft.place} onChange={set('place')} placeholder={t('appointments.ui.form.placeHint')} maxLength={200} />
            </div>
            <div className="field">
              <label className="field-label" htmlFor="appointment-volunteer">{t('appointments.ui.form.volunteer')}</label>
              <select id="appointment-volunteer" value={draft.volunteerId} onChange={set('volunteerId')}>
                <option value="">{t('appointments.ui.form.nobody')}</option>
                {volunteers.map((volunteer) => (
                  <option key={volunteer.value} value={volunteer.value}>
                    {volunteer.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="appointment-status">{t('appointments.ui.form.status')}</label>
              <select id="appointment-status" value={draft.status} onChange={set('status')}>
                {APPOINTMENT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`appointments.values.statuses.${status}`)}
                  </option>
                ))}
              </select>
            </div>
            {(draft.status === 'held' || draft.status === 'missed') && (
              <div className="field field-wide">
                <label className="field-label" htmlFor="appointment-outcome">{t('appointments.ui.form.outcome')}</label>
                <textarea id="appointment-outcome" rows={2} value={draft.outcome} onChange={set('outcome')} maxLength={1000} {...invalid('outcome')} />
                {fieldError('outcome')}
              </div>
            )}
          </div>
          <div className="path-form-buttons">
            <button type="submit" className="button button-primary">
              {t('appointments.ui.form.save')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDraft(null);
                setErrors({});
              }}
            >
              {t('appointments.ui.form.cancel')}
            </button>
          </div>
        </form>
      )}
      {state.status === 'ready' && state.value.length === 0 && !draft && <p className="muted">{t('appointments.ui.none')}</p>}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul className="path-list" data-testid="appointments">
          {state.value.map((appointment) => (
            <li key={appointment.id} className="path-item">
              <div className="path-item-main">
                <span className="path-when">{formatWhen(appointment.startsAt, i18n.language)}</span>
                <span className="strong">{t(`appointments.values.kinds.${appointment.kind}`)}</span>
                <span className={`tag path-status-${appointment.status}`}>{t(`appointments.values.statuses.${appointment.status}`)}</span>
                {appointment.place && <span className="muted">{appointment.place}</span>}
                {appointment.volunteerName && <span className="muted">· {appointment.volunteerName}</span>}
              </div>
              {appointment.outcome && <p className="path-outcome">{appointment.outcome}</p>}
              <div className="path-item-actions">
                <button type="button" className="button button-quiet" onClick={() => void download('letter', appointment.id)}>
                  {t('appointments.ui.documents.letter')}
                </button>
                <button type="button" className="button button-quiet" onClick={() => void showMessage(appointment.id)}>
                  {t('appointments.ui.documents.message')}
                </button>
                <button type="button" className="button button-quiet" onClick={() => void download('ics', appointment.id)}>
                  {t('appointments.ui.documents.ics')}
                </button>
                {!readOnly && (
                  <>
                    <button type="button" className="button button-quiet" onClick={() => setDraft(draftOf(appointment))}>
                      {t('appointments.ui.form.edit')}
                    </button>
                    <button type="button" className="button button-quiet" onClick={() => void remove(appointment.id)}>
                      {t('appointments.ui.form.remove')}
                    </button>
                  </>
                )}
              </div>
              {message?.id === appointment.id && (
                <div className="path-message">
                  <label className="field">
                    <span className="field-label">{t('appointments.ui.documents.message')}</span>
                    <textarea readOnly rows={3} value={message.text} onFocus={(event) => event.currentTarget.select()} />
                    <span className="field-hint">{t('appointments.ui.documents.messageHint')}</span>
                  </label>
                  <div className="path-form-buttons">
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void navigator.clipboard?.writeText(message.text).then(() => showNotice('appointments.ui.documents.copied'))}
                    >
                      {t('appointments.ui.documents.copy')}
                    </button>
                    <button type="button" className="button button-quiet" onClick={() => setMessage(null)}>
                      {t('appointments.ui.documents.close')}
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
