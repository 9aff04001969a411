import { useTranslation } from 'react-i18next';
import type { CalendarItem } from '../../../shared/appointments';
import { routeToHash } from '../app/routes';
import { itemTitle } from './labels';
import './path.css';

/** Today on this computer, as `YYYY-MM-DD`. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Where an item leads: a session's page, else the person's file (the plan, or the journey for placements and follow-ups). */
function itemHash(item: CalendarItem): string {
  if (item.kind === 'session') return routeToHash({ section: 'sessions', id: item.id });
  const tab = item.kind === 'appointment' || item.kind === 'step' ? 'plan' : 'journey';
  return routeToHash({ section: 'candidates', id: item.candidateId ?? '', rest: [tab] });
}

/** A day's items as links; a month's cell shows the first few and says how many more. */
export function ItemList({ items, limit, agenda = false }: { items: CalendarItem[]; limit?: number | undefined; agenda?: boolean }) {
  const { t } = useTranslation();
  const shown = limit === undefined ? items : items.slice(0, limit);
  return (
    <ul className={agenda ? 'calendar-agenda' : 'calendar-items'}>
      {shown.map((item) => (
        <li key={`${item.kind}-${item.id}`}>
          <a className={`calendar-item calendar-item-${item.kind}`} href={itemHash(item)}>
            {item.time && <span className="calendar-item-time">{item.time} </span>}
            <span>{itemTitle(item, t)}</span>
            {item.candidateName && <span className="strong"> · {item.candidateName}</span>}
            {agenda && item.place && <span className="muted"> · {item.place}</span>}
            {agenda && item.volunteerNames.length > 0 && <span className="muted"> · {item.volunteerNames.join(', ')}</span>}
            {!agenda && item.kind === 'session' && <span className="muted"> · {item.place}</span>}
          </a>
        </li>
      ))}
      {limit !== undefined && items.length > limit && <li className="muted">{t('appointments.ui.calendar.more', { count: items.length - limit })}</li>}
    </ul>
  );
}
