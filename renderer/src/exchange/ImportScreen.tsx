import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExchangeStatus, IMPORT_MAX_BYTES } from '../../../shared/exchange';
import { routeToHash } from '../app/routes';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { BackupsReminder } from './BackupsReminder';
import { BusyNote, useExchangeProgress } from './Busy';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { readBase64 } from './files';
import { FileInput } from '../ui/FileInput';
import { useImportSession } from './importSession';

/**
 * Receiving a file: it is checked and opened (with the six words for a passphrase file), then
 * previewed with a decision where one is needed; only "Import" writes, after a backup.
 */
export function ImportScreen({ status }: { status: ExchangeStatus }) {
  const { t } = useTranslation();
  const author = useCurrentAuthor((state) => state.author);
  const session = useImportSession();
  const { file, askPassphrase, passphraseError, error, busy, preview, decisions, result } = session;
  const passphraseInput = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [emptyPassphrase, setEmptyPassphrase] = useState(false);
  const progress = useExchangeProgress(busy !== null);

  useEffect(() => {
    if (askPassphrase && busy === null) passphraseInput.current?.focus();
  }, [askPassphrase, busy]);

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    setPassphrase('');
    setEmptyPassphrase(false);
    if (!picked) return;
    if (picked.size > IMPORT_MAX_BYTES) {
      session.refuse('exchange.errors.tooLarge');
      return;
    }
    await session.open({ fileName: picked.name, content: await readBase64(picked) });
  }

  function submitPassphrase(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setEmptyPassphrase(passphrase.trim() === '');
    if (passphrase.trim() === '') {
      passphraseInput.current?.focus();
      return;
    }
    // A wrong passphrase stays in the field, to correct a typo; the field takes the focus back.
    void session.open(file, passphrase).then(() => passphraseInput.current?.focus());
  }

  if (result) {
    return (
      <section className="card exchange-panel" aria-labelledby="import-done-title" data-testid="import-done">
        <h2 id="import-done-title">{t('exchange.ui.import.doneTitle')}</h2>
        {result.erasureRequestRecorded ? (
          <p>
            <a href={routeToHash({ section: 'home' })}>{t('rights.ui.importRequest.recorded')}</a>
          </p>
        ) : (
          <>
            <p>{t('exchange.ui.import.written', { count: result.written })}</p>
            <p>{t('exchange.ui.import.skipped', { count: result.skipped })}</p>
          </>
        )}
        {result.backup && <p className="muted">{t('exchange.ui.import.backupTaken', { name: result.backup })}</p>}
        <div className="exchange-actions">
          <a className="button button-secondary" href={routeToHash({ section: 'exchange', id: 'log' })}>
            {t('exchange.ui.import.toLog')}
          </a>
          <button type="button" className="button button-secondary" onClick={() => void session.cancel()}>
            {t('exchange.ui.import.another')}
          </button>
        </div>
      </section>
    );
  }

  const locked = status.keys !== null && !status.keys.unlocked;
  const shownPassphraseError = emptyPassphrase ? 'exchange.errors.passphraseRequired' : passphraseError;
  return (
    <div className="import">
      <BackupsReminder />
      {!preview && (
        <section className="card exchange-panel" aria-labelledby="import-file-title">
          <h2 id="import-file-title">{t('exchange.ui.import.title')}</h2>
          <p className="muted">{t('exchange.ui.import.intro')}</p>
          {locked && <p className="muted">{t('exchange.ui.import.lockedHint')}</p>}
          <Field id="import-file" label={t('exchange.ui.import.file')} hint={file ? t('exchange.ui.import.fileOpened', { name: file.fileName }) : undefined} error={undefined}>
            {(a11y) => <FileInput {...a11y} accept=".tremplin" disabled={busy !== null} onChange={(event) => void pick(event)} />}
          </Field>
          {askPassphrase && file && (
            <form className="import-passphrase" noValidate onSubmit={submitPassphrase}>
              <Field
                id="import-passphrase"
                label={t('exchange.ui.import.passphrase')}
                hint={t('exchange.ui.import.passphraseHint')}
                error={shownPassphraseError ? t(shownPassphraseError) : undefined}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    ref={passphraseInput}
                    type="text"
                    className="passphrase-input"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={200}
                    value={passphrase}
                    onChange={(event) => setPassphrase(event.target.value)}
                  />
                )}
              </Field>
              <button type="submit" className="button button-primary" disabled={busy !== null}>
                {t('exchange.ui.import.open')}
              </button>
            </form>
          )}
          {busy === 'opening' && <BusyNote labelKey="exchange.ui.import.opening" progress={progress} />}
          <ErrorAlert messageKey={error} />
        </section>
      )}
      {preview && (
        <ImportPreviewPanel preview={preview} decisions={decisions} onDecide={session.decide}>
          {busy === 'applying' && <BusyNote labelKey="exchange.ui.import.applying" progress={progress} />}
          <ErrorAlert messageKey={error} />
          <div className="exchange-actions">
            <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void session.apply(author.trim() || null)}>
              {t(preview.erasureRequest ? 'rights.ui.importRequest.record' : 'exchange.ui.import.apply')}
            </button>
            <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void session.cancel()}>
              {t('exchange.ui.import.cancel')}
            </button>
          </div>
        </ImportPreviewPanel>
      )}
    </div>
  );
}
