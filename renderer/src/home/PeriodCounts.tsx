import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, PeriodCount } from '../../../shared/dashboard';
import { formatDate } from '../app/format';
import { routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';
import { formatCount } from './format';

/** The period's figures, each beside its target when the programme set one (with a bar). */
export function PeriodCounts({ period, counts }: Pick<Dashboard, 'period' | 'counts'>) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const maySetTargets = useMay('dashboard.setTargets');
  return (
    <section className="card due-card period-card" aria-labelledby={titleId} data-testid="period-counts">
      <h2 id={titleId} className="due-title">
        {t(`dashboard.ui.period.${period.kind}`)}
      </h2>
      <p className="muted period-range">
        {t('dashboard.ui.period.range', { from: formatDate(period.from, i18n.language), to: formatDate(period.to, i18n.language) })}
      </p>
      <ul className="period-counts">
        {counts.map((count) => (
          <PeriodFigure key={count.thing} {...count} />
        ))}
      </ul>
      {maySetTargets && (
        <div className="due-footer">
          <a className="button button-quiet" href={routeToHash({ section: 'settings' })}>
            {t('dashboard.ui.period.editTargets')}
          </a>
        </div>
      )}
    </section>
  );
}

function PeriodFigure({ thing, count, target }: PeriodCount) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const number = (value: number) => formatCount(value, i18n.language);
  return (
    <li className="period-figure" data-testid={`count-${thing}`}>
      <div className="period-line">
        <span id={labelId}>{t(`dashboard.ui.things.${thing}`)}</span>
        <span className="period-number number">
          {target === null ? number(count) : t('dashboard.ui.period.ofTarget', { count: number(count), target: number(target) })}
          {target !== null && count >= target && <span className="tag tag-ok">{t('dashboard.ui.period.reached')}</span>}
        </span>
      </div>
      {target !== null && (
        // A target of 0 is met from the start: the bar is full.
        <progress className="period-progress" aria-labelledby={labelId} max={Math.max(target, 1)} value={target === 0 ? 1 : Math.min(count, target)} />
      )}
    </li>
  );
}
