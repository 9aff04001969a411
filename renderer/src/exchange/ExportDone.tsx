import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/exchange';
import { keyedWords } from './Fingerprint';
import { downloadBase64 } from './files';
import { useLeaveGuard } from '../ui/leaveGuard';

interface ExportDoneProps {
  result: ExportResult;
  /** The partner's name, for the sentence that says whom to call. */
  recipient: string;
  onAnother(): void;
}

/**
 * The file is made: it is offered for saving at once (and again on demand). For a passphrase
 * file, the six words are shown this once, until the staffer says they noted them.
 */
export function ExportDone({ result, recipient, onAnother }: ExportDoneProps) {
  const { t } = useTranslation();
  const [noted, setNoted] = useState(false);
  const [wordsGone, setWordsGone] = useState(result.passphrase === null);
  useLeaveGuard(!wordsGone, 'exchange.ui.exportDone.leaveQuestion');

  // Offered once per file, even when the effect runs twice (React's strict mode in development).
  const offered = useRef<string | null>(null);
  useEffect(() => {
    if (offered.current === result.exportId) return;
    offered.current = result.exportId;
    downloadBase64(result.content, result.fileName);
  }, [result]);

  return (
    <section className="card exchange-panel export-done" aria-labelledby="export-done-title" data-testid="export-done">
      <h2 id="export-done-title">{t('exchange.ui.exportDone.title')}</h2>
      <p>{t('exchange.ui.exportDone.summary', { count: result.counts.candidates ?? 0, file: result.fileName })}</p>
      {result.blocked.length > 0 && <p className="muted">{t('exchange.ui.exportDone.blocked', { count: result.blocked.length })}</p>}
      <p className="muted">{t('exchange.ui.exportDone.send')}</p>

      {result.passphrase && !wordsGone && (
        <div className="passphrase-reveal" data-testid="passphrase-reveal">
          <h3>{t('exchange.ui.exportDone.passphraseTitle')}</h3>
          <ol className="passphrase-words" aria-label={t('exchange.ui.exportDone.passphraseWords')}>
            {keyedWords(result.passphrase.split('-')).map(({ word, key }) => (
              <li key={key}>{word}</li>
            ))}
          </ol>
          <p className="passphrase-typed">
            {t('exchange.ui.exportDone.passphraseTyped')} <code data-testid="passphrase-typed">{result.passphrase}</code>
          </p>
          <p className="passphrase-warning strong">{t('exchange.ui.exportDone.passphraseWarning', { name: recipient })}</p>
          <p className="muted">{t('exchange.ui.exportDone.passphraseOnce')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={noted} onChange={(event) => setNoted(event.target.checked)} />
            <span>{t('exchange.ui.exportDone.noted')}</span>
          </label>
          <div className="exchange-actions">
            <button type="button" className="button button-primary" disabled={!noted} onClick={() => setWordsGone(true)}>
              {t('exchange.ui.exportDone.hideWords')}
            </button>
          </div>
        </div>
      )}

      <div className="exchange-actions">
        <button type="button" className="button button-secondary" onClick={() => downloadBase64(result.content, result.fileName)}>
          {t('exchange.ui.exportDone.downloadAgain')}
        </button>
        {wordsGone && (
          <button type="button" className="button button-secondary" onClick={onAnother}>
            {t('exchange.ui.exportDone.another')}
          </button>
        )}
      </div>
    </section>
  );
}
