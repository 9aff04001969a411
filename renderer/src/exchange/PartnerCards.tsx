import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerCard } from '../../../shared/exchange';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { routeToHash } from '../app/routes';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { FingerprintWords } from './Fingerprint';
import { ImportCardPanel } from './ImportCardPanel';
import { usePartners } from './usePartners';

/** The partners' cards we hold: whose they are, whether someone checked them by phone, which record they belong to. */
export function PartnerCards() {
  const { t } = useTranslation();
  const { state, reload } = useApiValue('exchange.listCards', {});
  const partners = usePartners();
  const [importing, setImporting] = useState(false);
  const [verifying, setVerifying] = useState<string | null>(null);
  const cards = state.status === 'ready' ? state.value : [];

  return (
    <section className="card exchange-panel partner-cards" aria-labelledby="partner-cards-title">
      <div className="exchange-panel-head">
        <div>
          <h2 id="partner-cards-title">{t('exchange.ui.cards.title')}</h2>
          <p className="muted">{t('exchange.ui.cards.intro')}</p>
        </div>
        {!importing && (
          <button type="button" className="button button-primary" onClick={() => setImporting(true)}>
            {t('exchange.ui.cards.import')}
          </button>
        )}
      </div>
      {importing && (
        <ImportCardPanel
          cards={cards}
          partners={partners.partners}
          onClose={() => setImporting(false)}
          onImported={(card) => {
            setImporting(false);
            void reload();
            if (!card.verifiedAt) setVerifying(card.id);
          }}
        />
      )}
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'ready' && cards.length === 0 && !importing && <p className="empty-line">{t('exchange.ui.cards.empty')}</p>}
      {cards.length > 0 && (
        <ul className="card-list" data-testid="partner-cards">
          {cards.map((card) => (
            <CardRow
              key={card.id}
              card={card}
              partnerName={partners.nameOf(card.partnerId)}
              verifying={verifying === card.id}
              onVerify={() => setVerifying(card.id)}
              onCancel={() => setVerifying(null)}
              onVerified={() => {
                setVerifying(null);
                void reload();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface CardRowProps {
  card: PartnerCard;
  partnerName: string | null;
  verifying: boolean;
  onVerify(): void;
  onCancel(): void;
  onVerified(): void;
}

function CardRow({ card, partnerName, verifying, onVerify, onCancel, onVerified }: CardRowProps) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    const result = await call('exchange.verifyCard', { id: card.id });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    showNotice('exchange.ui.cards.verifiedNotice');
    onVerified();
  }

  return (
    <li className="card-row" data-testid="partner-card">
      <div className="card-row-main">
        <p>
          <span className="strong">{card.name}</span>
          {card.verifiedAt ? (
            <span className="tag tag-ok">{t('exchange.ui.cards.verifiedOn', { date: formatDate(card.verifiedAt, i18n.language) })}</span>
          ) : (
            <span className="tag">{t('exchange.ui.cards.notVerified')}</span>
          )}
        </p>
        <p className="muted">
          <FingerprintWords fingerprint={card.fingerprint} size="small" />
        </p>
        <p className="card-row-link">
          {card.partnerId && partnerName ? (
            <>
              {t('exchange.ui.cards.linkedTo')} <a href={routeToHash({ section: 'partners', id: card.partnerId })}>{partnerName}</a>
            </>
          ) : (
            <span className="muted">{t('exchange.ui.cards.notLinked')}</span>
          )}
        </p>
      </div>
      {!card.verifiedAt && !verifying && (
        <button type="button" className="button button-secondary" onClick={onVerify}>
          {t('exchange.ui.cards.verify')}
        </button>
      )}
      {verifying && (
        <div className="verify-panel">
          <p className="strong">{t('exchange.ui.cards.verifyTitle', { name: card.name })}</p>
          <p>{t('exchange.ui.cards.verifyHow')}</p>
          <FingerprintWords fingerprint={card.fingerprint} />
          <p className="muted">{t('exchange.ui.cards.verifyMismatch')}</p>
          <div className="exchange-actions">
            <button type="button" className="button button-primary" onClick={() => void verify()}>
              {t('exchange.ui.cards.verifyConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('exchange.ui.cards.verifyLater')}
            </button>
          </div>
          <ErrorAlert messageKey={error} />
        </div>
      )}
    </li>
  );
}
