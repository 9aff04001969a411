import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Route, routeToHash } from '../app/routes';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ExchangeHome } from './ExchangeHome';
import { ExportScreen } from './ExportScreen';
import { ImportScreen } from './ImportScreen';
import { LogScreen } from './LogScreen';
import { UnlockForm } from './UnlockForm';
import { isSetUp, useExchangeStatus } from './status';
import './exchange.css';

const VIEWS = ['home', 'export', 'import', 'log'] as const;
type View = (typeof VIEWS)[number];

function viewOf(route: Route): View {
  return VIEWS.find((view) => view !== 'home' && view === route.id) ?? 'home';
}

/**
 * `#/exchange` our identity and partners' cards (the first-use steps until they are done),
 * `#/exchange/export[/<candidateId>]` sending files, `#/exchange/import` receiving one,
 * `#/exchange/log` what was shared, with whom and when.
 */
export function ExchangeSection({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { status, load } = useExchangeStatus();
  const view = viewOf(route);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // The screen starts at its title, unless a form inside it already took the focus (a first-use step).
  useEffect(() => {
    const screen = headingRef.current?.closest('.screen');
    if (!screen?.contains(document.activeElement)) headingRef.current?.focus();
  }, []);

  const ready = status.status === 'ready' ? status.value : null;
  const locked = ready?.keys ? !ready.keys.unlocked : false;

  return (
    <div className="screen exchange">
      <header className="screen-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('exchange.ui.title')}
          </h1>
          <p className="screen-subtitle">{t('exchange.ui.subtitle')}</p>
        </div>
      </header>
      {ready && isSetUp(ready) && (
        <nav className="tabs" aria-label={t('exchange.ui.tabs.label')}>
          {VIEWS.map((tab) => (
            <a key={tab} href={routeToHash(tab === 'home' ? { section: 'exchange' } : { section: 'exchange', id: tab })} aria-current={view === tab ? 'page' : undefined}>
              {t(`exchange.ui.tabs.${tab}`)}
            </a>
          ))}
        </nav>
      )}
      <ErrorAlert messageKey={status.status === 'error' ? status.messageKey : null} />
      {locked && <UnlockForm />}
      {ready && view === 'home' && <ExchangeHome status={ready} />}
      {ready && view === 'export' && <ExportScreen key={route.rest?.[0] ?? ''} status={ready} candidateId={route.rest?.[0] ?? null} />}
      {ready && view === 'import' && <ImportScreen status={ready} />}
      {ready && view === 'log' && <LogScreen />}
    </div>
  );
}
