import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueCardName, DueList } from '../../../shared/dashboard';
import { CheckIcon } from '../app/icons';
import { type DueItemView, dueListHash } from './dueViews';
import { formatCount } from './format';

/** How many items a card shows: the most urgent ones; the rest are one click away in the card's full list. */
export const FIRST_SHOWN = 4;

interface DueCardProps<Item> {
  /** The card's translations sit under `dashboard.cards.<name>`. */
  name: DueCardName;
  list: DueList<Item>;
  view(item: Item): DueItemView;
}

/** One list of what is due: its title and count, the most urgent items as links, or a word that all is well. */
export function DueCard<Item>({ name, list, view }: DueCardProps<Item>) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const shown = list.items.slice(0, FIRST_SHOWN);

  return (
    <section className="card due-card" aria-labelledby={titleId} data-testid={`due-${name}`}>
      <h2 id={titleId} className="due-title">
        <span>{t(`dashboard.ui.cards.${name}.title`)}</span>
        <span className={list.total > 0 ? 'due-count' : 'due-count due-count-none'}>{formatCount(list.total, i18n.language)}</span>
      </h2>
      {list.total === 0 ? (
        <p className="due-empty">
          <CheckIcon />
          <span>
            <span className="strong">{t('dashboard.ui.nothingDue')}</span> {t(`dashboard.ui.cards.${name}.empty`)}
          </span>
        </p>
      ) : (
        <>
          <DueItems items={shown.map(view)} />
          {list.total > shown.length && (
            <div className="due-footer">
              <a className="button button-quiet" href={dueListHash(name)} data-testid="due-see-all">
                {t('dashboard.ui.seeAll', { total: formatCount(list.total, i18n.language) })}
              </a>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Items due, each a link to its record. */
export function DueItems({ items }: { items: DueItemView[] }) {
  return (
    <ul className="due-list">
      {items.map(({ key, href, name, detail, when, late }) => (
        <li key={key}>
          <a className="due-item" href={href}>
            <span className="due-name">{name}</span>
            {detail && <span className="due-detail">{detail}</span>}
            <span className={late ? 'due-when due-late' : 'due-when'}>{when}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
