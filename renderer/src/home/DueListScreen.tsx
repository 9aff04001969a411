import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueCardName } from '../../../shared/dashboard';
import { today } from '../../../shared/validation';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { BackLink } from '../ui/BackLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { DueItems } from './DueCard';
import { type DueItem, type DueItemView, useDueViews } from './dueViews';
import { formatCount } from './format';

const PAGE_SIZE = 100;

/** Everything one home card counts, in its order, a page at a time. */
export function DueListScreen({ card }: { card: DueCardName }) {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [page, setPage] = useState(0);
  const { state } = useApiValue('dashboard.due', { card, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  // The answer is this card's list, so its items are this card's.
  const view = useDueViews(today())[card] as (item: DueItem<DueCardName>) => DueItemView;
  const count = (value: number) => formatCount(value, i18n.language);

  return (
    <div className="screen home-screen">
      <BackLink section="home" label={t('dashboard.ui.title')} />
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t(`dashboard.ui.cards.${card}.title`)}
          </h1>
          {state.status === 'ready' && state.value.total > 0 && (
            <p className="screen-subtitle" data-testid="due-range">
              {t('dashboard.ui.list.range', {
                from: count(page * PAGE_SIZE + 1),
                to: count(page * PAGE_SIZE + state.value.items.length),
                total: count(state.value.total),
              })}
            </p>
          )}
        </div>
      </header>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'loading' && <p className="muted">{t('dashboard.ui.loading')}</p>}
      {state.status === 'ready' && (
        <section className="card due-card due-full-list" data-testid={`due-list-${card}`}>
          {state.value.total === 0 ? (
            <p className="due-empty">{t(`dashboard.ui.cards.${card}.empty`)}</p>
          ) : (
            <DueItems items={state.value.items.map(view)} />
          )}
          {state.value.total > PAGE_SIZE && (
            <nav className="due-footer" aria-label={t('dashboard.ui.list.pages')}>
              <button type="button" className="button button-quiet" disabled={page === 0} onClick={() => setPage(page - 1)}>
                {t('dashboard.ui.list.previous')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={(page + 1) * PAGE_SIZE >= state.value.total}
                onClick={() => setPage(page + 1)}
              >
                {t('dashboard.ui.list.next')}
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
