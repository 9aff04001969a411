import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueList } from '../../../shared/dashboard';
import { CheckIcon } from '../app/icons';
import { formatCount } from './format';

/** How many items a card shows before "show all": the most urgent ones. */
export const FIRST_SHOWN = 4;

export interface DueItemView {
  key: string;
  /** Where one click takes the person: the record the item is about. */
  href: string;
  name: string;
  /** What the item is (the employer, the kind of placement…). */
  detail?: string | null;
  /** When it is due, in words ("Expires in 12 days"). */
  when: string;
  /** Already late (expired, overdue): drawn as a warning, and the words say so too. */
  late: boolean;
}

interface DueCardProps<Item> {
  /** The card's translations sit under `dashboard.cards.<name>`. */
  name: 'authorisations' | 'followUps' | 'placements' | 'presentations' | 'quietCandidates';
  list: DueList<Item>;
  view(item: Item): DueItemView;
}

/** One list of what is due: its title and count, the most urgent items as links, or a word that all is well. */
export function DueCard<Item>({ name, list, view }: DueCardProps<Item>) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? list.items : list.items.slice(0, FIRST_SHOWN);
  const hidden = list.items.length - shown.length;

  return (
    <section className="card due-card" aria-labelledby={titleId} data-testid={`due-${name}`}>
      <h2 id={titleId} className="due-title">
        <span>{t(`dashboard.cards.${name}.title`)}</span>
        <span className={list.total > 0 ? 'due-count' : 'due-count due-count-none'}>{formatCount(list.total, i18n.language)}</span>
      </h2>
      {list.total === 0 ? (
        <p className="due-empty">
          <CheckIcon />
          <span>
            <span className="strong">{t('dashboard.nothingDue')}</span> {t(`dashboard.cards.${name}.empty`)}
          </span>
        </p>
      ) : (
        <>
          <ul className="due-list">
            {shown.map((item) => {
              const { key, href, name: itemName, detail, when, late } = view(item);
              return (
                <li key={key}>
                  <a className="due-item" href={href}>
                    <span className="due-name">{itemName}</span>
                    {detail && <span className="due-detail">{detail}</span>}
                    <span className={late ? 'due-when due-late' : 'due-when'}>{when}</span>
                  </a>
                </li>
              );
            })}
          </ul>
          <DueFooter
            hidden={hidden}
            expanded={expanded}
            loaded={list.items.length}
            total={list.total}
            onToggle={() => setExpanded((value) => !value)}
          />
        </>
      )}
    </section>
  );
}

/** "Show 3 more" / "Show fewer", and when even the full list is cut, how much of it is shown. */
function DueFooter({ hidden, expanded, loaded, total, onToggle }: { hidden: number; expanded: boolean; loaded: number; total: number; onToggle(): void }) {
  const { t, i18n } = useTranslation();
  if (hidden === 0 && !expanded) return null;
  return (
    <div className="due-footer">
      <button type="button" className="button button-quiet" aria-expanded={expanded} onClick={onToggle}>
        {expanded ? t('dashboard.showFewer') : t('dashboard.showMore', { count: hidden })}
      </button>
      {expanded && total > loaded && <p className="muted due-note">{t('dashboard.mostUrgentOf', { count: loaded, total: formatCount(total, i18n.language) })}</p>}
    </div>
  );
}
