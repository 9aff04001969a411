import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './matching.css';

/** Texts of one side of matching: `eligibleTitle`, `excludedTitle`, `excludedIntro`, `noEligible`, `noExcluded`, `who`. */
export type MatchTexts = 'matching.ui.matches.forNeed' | 'matching.ui.matches.forCandidate';

interface MatchListProps<T> {
  texts: MatchTexts;
  eligible: T[];
  excluded: T[];
  eligibleTotal: number;
  excludedTotal: number;
  rowKey(item: T): string;
  renderRow(item: T, eligible: boolean): ReactNode;
  /** Asks for more rows of one group ("show more"). */
  onMore(group: 'eligible' | 'excluded'): void;
  /** True while more rows are on their way. */
  busy: boolean;
  /** The largest number of rows one group can show. */
  maxRows: number;
}

/**
 * Ranked matches in two parts: those possible now, best first, then, clearly apart, those
 * not possible for now with what stands in the way. Each part says how many there are.
 */
export function MatchList<T>({ texts, eligible, excluded, eligibleTotal, excludedTotal, rowKey, renderRow, onMore, busy, maxRows }: MatchListProps<T>) {
  const { t } = useTranslation();
  const group = (name: 'eligible' | 'excluded', items: T[], total: number) => (
    <section className={`match-group match-group-${name}`} aria-labelledby={`${texts}-${name}`} data-testid={`match-${name}`}>
      <div className="match-group-header">
        <h2 id={`${texts}-${name}`}>
          {t(`${texts}.${name}Title`)} <span className="count-pill" data-testid={`match-${name}-count`}>{total}</span>
        </h2>
        {name === 'excluded' && <p className="muted">{t(`${texts}.excludedIntro`)}</p>}
      </div>
      {items.length === 0 ? (
        <p className="empty-line">{t(name === 'eligible' ? `${texts}.noEligible` : `${texts}.noExcluded`)}</p>
      ) : (
        <>
          <div className="match-columns" aria-hidden="true">
            <span>{t(`${texts}.who`)}</span>
            <span>{t('matching.ui.matches.score')}</span>
            <span>{t('matching.ui.matches.reasons')}</span>
            <span>{t('matching.ui.matches.distance')}</span>
            <span />
          </div>
          <ol className="match-rows">
            {items.map((item) => (
              <li key={rowKey(item)} className={`match-row match-row-${name}`} data-testid="match-row">
                {renderRow(item, name === 'eligible')}
              </li>
            ))}
          </ol>
        </>
      )}
      {total > items.length && items.length < maxRows && (
        <button type="button" className="button button-secondary button-small match-more" disabled={busy} onClick={() => onMore(name)}>
          {t('matching.ui.matches.showMore', { shown: items.length, total })}
        </button>
      )}
    </section>
  );
  return (
    <div className="match-list" aria-busy={busy}>
      {group('eligible', eligible, eligibleTotal)}
      {group('excluded', excluded, excludedTotal)}
    </div>
  );
}
