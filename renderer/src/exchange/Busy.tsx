import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeProgress } from '../../../shared/exchange';
import { call } from '../api/client';

const POLL_MS = 400;

/** While `active`, what the export or import under way is doing, asked every few tenths of a second. */
export function useExchangeProgress(active: boolean): ExchangeProgress | null {
  const [progress, setProgress] = useState<ExchangeProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await call('exchange.progress', {});
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
  return progress;
}

/**
 * What a long call is doing ("Chiffrement…"), announced politely; the step the server reports
 * replaces the screen's own words when there is one, with its count when it counts files.
 */
export function BusyNote({ labelKey, progress = null }: { labelKey: string; progress?: ExchangeProgress | null }) {
  const { t } = useTranslation();
  const counted = progress?.done != null && progress.total != null && progress.total > 0;
  return (
    <p className="busy-note" role="status" data-testid="busy-note">
      <span className="spinner" aria-hidden="true" />
      <span>
        {progress ? t(`exchange.ui.progress.${progress.step}`) : t(labelKey)}
        {counted && <span className="muted"> {t('exchange.ui.progress.count', { done: progress.done, total: progress.total })}</span>}
      </span>
    </p>
  );
}
