import { useTranslation } from 'react-i18next';
import type { Fingerprint } from '../../../shared/exchange';

/** Words with a key each, the same word twice included (its second occurrence gets another key). */
export function keyedWords(words: readonly string[]): { word: string; key: string }[] {
  const seen = new Map<string, number>();
  return words.map((word) => {
    const occurrence = (seen.get(word) ?? 0) + 1;
    seen.set(word, occurrence);
    return { word, key: `${word}-${occurrence}` };
  });
}

/**
 * A card's fingerprint: six words two staffers read to each other by phone (numbered, so each
 * can say "the fourth word is…"), the hexadecimal form under them for those who prefer it.
 */
export function FingerprintWords({ fingerprint, size = 'large' }: { fingerprint: Fingerprint; size?: 'large' | 'small' }) {
  const { t } = useTranslation();
  if (size === 'small') {
    return (
      <span className="fingerprint-inline" data-testid="fingerprint">
        {fingerprint.words.join(' · ')}
      </span>
    );
  }
  return (
    <div className="fingerprint" data-testid="fingerprint">
      <ol className="fingerprint-words" aria-label={t('exchange.ui.fingerprint.words')}>
        {keyedWords(fingerprint.words).map(({ word, key }) => (
          <li key={key}>{word}</li>
        ))}
      </ol>
      <p className="fingerprint-hex">
        <span className="muted">{t('exchange.ui.fingerprint.hex')}</span> <code>{fingerprint.hex}</code>
      </p>
    </div>
  );
}
