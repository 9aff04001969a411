import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { expiryState } from './dates';
import { AlertIcon } from '../app/icons';

/**
 * A work authorisation's expiry date; expired or expiring within 60 days, it is drawn as a
 * warning, with the state in words for screen readers (colour is never the only cue).
 */
export function ExpiryDate({ date }: { date: string }) {
  const { t, i18n } = useTranslation();
  const state = expiryState(date);
  const text = <time dateTime={date}>{formatDate(date, i18n.language)}</time>;
  if (state === 'valid') return text;
  return (
    <span className={`expiry expiry-${state}`}>
      <AlertIcon />
      {text}
      <span className="visually-hidden">{t(`candidates.ui.expiry.${state}`)}</span>
    </span>
  );
}
