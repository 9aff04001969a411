import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import { ErrorAlert } from './ErrorAlert';
import { useLeaveGuard } from './leaveGuard';
import { useApiValue } from './useApiValue';
import './RecoverySheet.css';

/** How a backup opens without Tremplin, with the standard tool (a command: not translated). */
const AGE_COMMAND = 'age -d -i recovery-key.txt -o tremplin.sqlite tremplin-…-daily.sqlite.age';

/** The recovery key in groups of four after its prefix, easier to copy by hand and to read back. */
function groupedKey(recoveryKey: string): string {
  const prefix = 'AGE-SECRET-KEY-1';
  const body = recoveryKey.startsWith(prefix) ? recoveryKey.slice(prefix.length) : recoveryKey;
  return `${recoveryKey.startsWith(prefix) ? prefix : ''} ${body.match(/.{1,4}/g)?.join(' ') ?? body}`.trim();
}

/**
 * The recovery sheet, shown once: the only copy of the association's recovery key, which opens
 * the backups and sets a new administrator password. It prints alone on the page, and the
 * screen asks before it is closed or left (Settings › Backups, and the first start's setup).
 */
export function RecoverySheet({ recoveryKey, createdAt, onClose }: { recoveryKey: string; createdAt: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const association = useApiValue('exchange.status', {});
  const name = association.state.status === 'ready' ? association.state.value.profile?.name : null;
  const [kept, setKept] = useState(false);
  useLeaveGuard(!kept, 'backups.ui.sheet.leaveQuestion');

  return (
    <div className="recovery" data-testid="recovery-sheet">
      <ErrorAlert messageKey={'backups.ui.sheet.once'} />
      <article className="recovery-sheet" aria-labelledby="recovery-sheet-title">
        <h3 id="recovery-sheet-title">{t('backups.ui.sheet.title')}</h3>
        <dl className="recovery-facts">
          <dt>{t('backups.ui.sheet.association')}</dt>
          <dd>{name ?? <span className="recovery-blank" />}</dd>
          <dt>{t('backups.ui.sheet.date')}</dt>
          <dd>{formatDate(createdAt, i18n.language, 'long')}</dd>
        </dl>
        <p className="recovery-label">{t('backups.ui.sheet.key')}</p>
        <p className="recovery-key" data-testid="recovery-key" data-key={recoveryKey}>
          {groupedKey(recoveryKey)}
        </p>
        <p className="recovery-keep strong">{t('backups.ui.sheet.keep')}</p>
        <h4>{t('accounts.ui.sheet.passwordTitle')}</h4>
        <p>{t('accounts.ui.sheet.password')}</p>
        <h4>{t('backups.ui.sheet.howTitle')}</h4>
        <ol className="recovery-how">
          <li>{t('backups.ui.sheet.how1')}</li>
          <li>{t('backups.ui.sheet.how2')}</li>
          <li>{t('backups.ui.sheet.how3')}</li>
        </ol>
        <p className="recovery-without">{t('backups.ui.sheet.without')}</p>
        <pre className="recovery-command">{AGE_COMMAND}</pre>
      </article>
      <div className="recovery-actions">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('backups.ui.sheet.print')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />
          <span>{t('backups.ui.sheet.kept')}</span>
        </label>
        <button type="button" className="button button-secondary" disabled={!kept} onClick={onClose}>
          {t('backups.ui.sheet.close')}
        </button>
      </div>
    </div>
  );
}
