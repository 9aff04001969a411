import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Fingerprint } from '../../../shared/exchange';
import { call } from '../api/client';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FingerprintWords } from './Fingerprint';
import { downloadText } from './files';

/**
 * Our public card: the file partners import to encrypt files to us and check our signature,
 * and its fingerprint as six words read to them by phone so they know the file is ours.
 */
export function OwnCard({ fingerprint }: { fingerprint: Fingerprint }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);

  async function download() {
    const result = await call('exchange.ownCard', {});
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    downloadText(result.value.content, result.value.fileName, 'application/json');
  }

  return (
    <section className="card exchange-panel own-card" aria-labelledby="own-card-title">
      <h2 id="own-card-title">{t('exchange.ui.ownCard.title')}</h2>
      <p className="muted">{t('exchange.ui.ownCard.intro')}</p>
      <FingerprintWords fingerprint={fingerprint} />
      <p className="own-card-how">{t('exchange.ui.ownCard.how')}</p>
      <button type="button" className="button button-primary" onClick={() => void download()}>
        {t('exchange.ui.ownCard.download')}
      </button>
      <ErrorAlert messageKey={error} />
    </section>
  );
}
