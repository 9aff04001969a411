import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/dates';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNavigation } from '../app/navigation';
import type { Route } from '../app/routes';
import { downloadText } from '../exchange/files';
import { useSession } from '../session/sessionStore';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { ItemList, localToday } from './CalendarItems';
import { usePairChoices, useVolunteerChoices } from './labels';
import './path.css';
import { dateFormat } from '../../../shared/dateFormat';

const VIEWS = ['week', 'month', 'day'] as const;
type View = (typeof VIEWS)[number];

const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const mondayOf = (date: string) => addDays(date, -weekdayOf(date));

/** The days a view shows: a week from Monday, or the whole weeks around a month, or one day. */
function rangeOf(view: View, anchor: string): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  if (view === 'week') return { from: mondayOf(anchor), to: addDays(mondayOf(anchor), 6) };
  const first = `${anchor.slice(0, 8)}01`;
  const last = addDays(`${addDays(first, 31).slice(0, 8)}01`, -1);
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) };
}

function moved(view: View, anchor: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(anchor, direction);
  if (view === 'week') return addDays(anchor, 7 * direction);
  const month = new Date(`${anchor.slice(0, 8)}01T00:00:00Z`);
  month.setUTCMonth(month.getUTCMonth() + direction);
  return month.toISOString().slice(0, 10);
}

export function CalendarSection({ route }: { route: Route }) {
  const { t, i18n } = useTranslation();
  // The view is in the address (`#/calendar/month`, `#/calendar/day`), so the home card can open "my day".
  const view: View = (VIEWS as readonly string[]).includes(route.id ?? '') ? (route.id as View) : 'week';
  const navigate = useNavigation((state) => state.navigate);
  const setView = (next: View) => navigate({ section: 'calendar', ...(next === 'week' ? {} : { id: next }) }, { replace: true });
  const [anchor, setAnchor] = useState(localToday);
  const [volunteerId, setVolunteerId] = useState('');
  const [pairId, setPairId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const signedIn = useSession((store) => store.state?.signedIn);
  const staffView = signedIn?.role !== 'volunteer';
  const volunteers = useVolunteerChoices(staffView);
  const pairs = usePairChoices(staffView);
  const range = rangeOf(view, anchor);
  const query = {
    ...range,
    ...(view === 'day' ? { mine: true } : {}),
    ...(view !== 'day' && volunteerId ? { volunteerId } : {}),
    ...(view !== 'day' && pairId ? { pairId } : {}),
  };
  const { state } = useApiValue('appointments.calendar', query);
  const items = state.status === 'ready' ? state.value.items : [];
  const today = localToday();

  async function downloadWeek() {
    const result = await call('appointments.icsWeek', { day: anchor });
    if (result.ok) downloadText(result.value.content, result.value.fileName, result.value.mimeType);
    setError(result.ok ? null : result.error.message);
  }

  const title =
    view === 'day'
      ? t('appointments.ui.calendar.myDayFor', { date: formatDate(anchor, i18n.language, 'long') })
      : view === 'week'
        ? t('appointments.ui.calendar.weekOf', { date: formatDate(range.from, i18n.language, 'long') })
        : dateFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${anchor.slice(0, 8)}15T00:00:00Z`));

  return (
    <div className="screen calendar-screen">
      <header className="screen-header">
        <h1>{t('appointments.ui.calendar.title')}</h1>
      </header>
      <div className="calendar-toolbar">
        <fieldset className="calendar-buttons">
          <legend className="visually-hidden">{t('appointments.ui.calendar.view')}</legend>
          {VIEWS.map((each) => (
            <button key={each} type="button" className={each === view ? 'button button-primary' : 'button button-secondary'} aria-pressed={each === view} onClick={() => setView(each)}>
              {t(`appointments.ui.calendar.${each === 'day' ? 'myDay' : each}`)}
            </button>
          ))}
        </fieldset>
        <div className="calendar-buttons">
          <button type="button" className="button button-secondary" onClick={() => setAnchor(moved(view, anchor, -1))} aria-label={t('appointments.ui.calendar.previous')}>
            ‹
          </button>
          <button type="button" className="button button-secondary" onClick={() => setAnchor(localToday())}>
            {t('appointments.ui.calendar.today')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setAnchor(moved(view, anchor, 1))} aria-label={t('appointments.ui.calendar.next')}>
            ›
          </button>
        </div>
        {staffView && view !== 'day' && (
          <>
            <div className="field">
              <label className="field-label" htmlFor="calendar-volunteer">
                {t('appointments.ui.calendar.volunteer')}
              </label>
              <select
                id="calendar-volunteer"
                value={volunteerId}
                onChange={(event) => {
                  setVolunteerId(event.target.value);
                  setPairId('');
                }}
              >
                <option value="">{t('appointments.ui.calendar.everyone')}</option>
                {volunteers.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="calendar-pair">
                {t('appointments.ui.calendar.pair')}
              </label>
              <select
                id="calendar-pair"
                value={pairId}
                onChange={(event) => {
                  setPairId(event.target.value);
                  setVolunteerId('');
                }}
              >
                <option value="">{t('appointments.ui.calendar.everyone')}</option>
                {pairs.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        {view === 'week' && (
          <button type="button" className="button button-quiet" onClick={() => void downloadWeek()}>
            {t('appointments.ui.calendar.icsWeek')}
          </button>
        )}
      </div>
      <ErrorAlert messageKey={error ?? (state.status === 'error' ? state.messageKey : null)} />
      <h2 className="calendar-period" aria-live="polite">
        {title}
      </h2>
      {view === 'day' ? (
        <>
          {staffView && !signedIn?.volunteerId && <p className="muted">{t('appointments.ui.calendar.noVolunteer')}</p>}
          {items.length === 0 ? <p className="muted">{t('appointments.ui.calendar.empty')}</p> : <ItemList items={items} agenda />}
        </>
      ) : (
        <div className={`calendar-${view}`} data-testid={`calendar-${view}`}>
          <div className="calendar-grid">
            {view === 'month' &&
              daysOf(rangeOf('week', range.from)).map((day) => (
              <div key={`weekday-${day}`} className="calendar-weekday" aria-hidden="true">
                {dateFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))}
              </div>
            ))}
            {daysOf(range).map((day) => {
              const dayItems = items.filter((item) => item.date === day);
              const outside = view === 'month' && day.slice(0, 7) !== anchor.slice(0, 7);
              return (
                <section
                  key={day}
                  className={['calendar-day', outside ? 'calendar-day-outside' : '', day === today ? 'calendar-day-today' : ''].join(' ').trim()}
                  aria-label={formatDate(day, i18n.language, 'long')}
                  data-day={day}
                >
                  <span className="calendar-day-number">
                    {view === 'week'
                      ? dateFormat(i18n.language, { weekday: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
                      : Number(day.slice(8))}
                  </span>
                  <ItemList items={dayItems} limit={view === 'month' ? 4 : undefined} />
                </section>
              );
            })}
          </div>
          {state.status === 'ready' && items.length === 0 && <p className="muted">{t('appointments.ui.calendar.nothing')}</p>}
        </div>
      )}
    </div>
  );
}

function daysOf({ from, to }: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
