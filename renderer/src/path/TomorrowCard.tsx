import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/dates';
import { routeToHash } from '../app/routes';
import { useApiValue } from '../ui/useApiValue';
import { ItemList, localToday } from './CalendarItems';

/** What is tomorrow for the signed-in volunteer (for an account tied to none, the association's), on the home screen. */
export function TomorrowCard() {
  const { t } = useTranslation();
  const titleId = useId();
  const tomorrow = addDays(localToday(), 1);
  const { state } = useApiValue('appointments.calendar', { from: tomorrow, to: tomorrow, mine: true });
  const items = state.status === 'ready' ? state.value.items : [];
  return (
    <section className="card due-card" aria-labelledby={titleId} data-testid="tomorrow">
      <h2 id={titleId} className="due-title">
        <span>{t('appointments.ui.tomorrow.title')}</span>
        <span className={items.length > 0 ? 'due-count' : 'due-count due-count-none'}>{items.length}</span>
      </h2>
      {state.status === 'ready' && items.length === 0 && <p className="due-empty">{t('appointments.ui.tomorrow.none')}</p>}
      {items.length > 0 && <ItemList items={items} agenda />}
      <div className="due-footer">
        <a className="button button-quiet" href={routeToHash({ section: 'calendar', id: 'day' })}>
          {t('appointments.ui.tomorrow.open')}
        </a>
      </div>
    </section>
  );
}
