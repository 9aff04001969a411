import { dateFormat } from '../../../shared/dateFormat';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_RETENTION, type BackupContents, type BackupEntry } from '../../../shared/backups';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { BusyNote } from '../exchange/Busy';
import { useMay } from '../session/useMay';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SecretField } from '../ui/SecretField';
import { RecoverySheet } from '../ui/RecoverySheet';
import { useApiValue } from '../ui/useApiValue';
import './BackupsSettings.css';
import { TableScroll } from '../ui/TableScroll';

/** A size as people read it: "840 ko", "12,4 Mo". */
function formatSize(bytes: number, language: string): string {
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

function formatMoment(value: string, language: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/**
 * Encrypted backups: set up once with a recovery key shown as a sheet to print, then taken
 * every day, before imports and on demand; any of them restored after seeing what it holds.
 */
export function BackupsSettings() {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, reload } = useApiValue('backups.status', {});
  const [sheet, setSheet] = useState<{ recoveryKey: string; createdAt: string } | null>(null);
  const [busy, setBusy] = useState<'setup' | 'backup' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [opened, setOpened] = useState<OpenedRow | null>(null);
  // Staff take backups and see them; setting the key up, restoring and deleting are the administrator's.
  const mayManage = useMay('backups.setupRecovery');

  async function setUp(replace: boolean) {
    setError(null);
    setBusy('setup');
    const result = await call('backups.setupRecovery', { replace });
    setBusy(null);
    setConfirmReplace(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setSheet(result.value);
    await reload();
  }

  async function backUpNow() {
    setError(null);
    setBusy('backup');
    const result = await call('backups.backupNow', {});
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showNotice('backups.ui.done');
    await reload();
  }

  const status = state.status === 'ready' ? state.value : null;
  return (
    <section className="card settings-card backups" aria-labelledby="backups-title" data-testid="backups-settings">
      <h2 id="backups-title">{t('backups.ui.title')}</h2>
      <p className="muted">{t('backups.ui.intro')}</p>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />

      {sheet ? (
        <RecoverySheet recoveryKey={sheet.recoveryKey} createdAt={sheet.createdAt} onClose={() => setSheet(null)} />
      ) : (
        status && (
          <>
            {!status.recoveryConfigured && mayManage && (
              <div className="backups-setup">
                <p>{t('backups.ui.notSetUp')}</p>
                <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void setUp(false)}>
                  {t('backups.ui.setUp')}
                </button>
              </div>
            )}
            {status.recoveryConfigured && (
              <>
                <p className="backups-state">
                  <span className="tag tag-ok">{t('backups.ui.on')}</span>{' '}
                  {status.backups[0]
                    ? t('backups.ui.latest', { date: formatMoment(status.backups[0].takenAt, i18n.language) })
                    : t('backups.ui.noneYet')}
                </p>
                <p className="muted backups-folder">
                  {t('backups.ui.folder')} <code>{status.folder}</code>
                </p>
                <p className="muted backups-retention">{t('backups.ui.retention', BACKUP_RETENTION)}</p>
                <div className="backups-actions">
                  <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void backUpNow()}>
                    {t('backups.ui.backUpNow')}
                  </button>
                  {!confirmReplace && mayManage && (
                    <button type="button" className="button button-quiet" disabled={busy !== null} onClick={() => setConfirmReplace(true)}>
                      {t('backups.ui.replaceKey')}
                    </button>
                  )}
                </div>
                {confirmReplace && (
                  <div className="hint-box hint-box-warning backups-replace">
                    <div>
                      <p className="hint-box-title">{t('backups.ui.replaceTitle')}</p>
                      <p>{t('backups.ui.replaceExplanation')}</p>
                      <div className="backups-actions">
                        <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => void setUp(true)}>
                          {t('backups.ui.replaceConfirm')}
                        </button>
                        <button type="button" className="button button-secondary" onClick={() => setConfirmReplace(false)}>
                          {t('backups.ui.cancel')}
                        </button>
                      </div>
                    </div>
                  </div>
                )}
              </>
            )}
            {busy === 'setup' && <BusyNote labelKey="backups.ui.settingUp" />}
            {busy === 'backup' && <BusyNote labelKey="backups.ui.backingUp" />}
            <ErrorAlert messageKey={error} />
            {status.backups.length > 0 && (
              <BackupList
                backups={status.backups}
                opened={opened}
                onOpen={setOpened}
                onDone={() => {
                  setOpened(null);
                  void reload();
                }}
              />
            )}
          </>
        )
      )}
    </section>
  );
}

/** The row whose restore or delete panel is open (one at a time). */
interface OpenedRow {
  name: string;
  panel: 'restore' | 'delete';
}

interface BackupListProps {
  backups: BackupEntry[];
  opened: OpenedRow | null;
  onOpen(row: OpenedRow | null): void;
  onDone(): void;
}

function BackupList({ backups, opened, onOpen, onDone }: BackupListProps) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll>
      <table className="data-table compact-table backups-table" data-testid="backups-list">
        <caption className="visually-hidden">{t('backups.ui.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backups.ui.takenAt')}</th>
            <th scope="col">{t('backups.ui.reason')}</th>
            <th scope="col" className="number">
              {t('backups.ui.size')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('backups.ui.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <BackupRow
              key={backup.name}
              backup={backup}
              panel={opened?.name === backup.name ? opened.panel : null}
              onOpen={(panel) => onOpen(opened?.name === backup.name && opened.panel === panel ? null : { name: backup.name, panel })}
              onClose={() => onOpen(null)}
              onDone={onDone}
              label={formatMoment(backup.takenAt, i18n.language)}
            />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface BackupRowProps {
  backup: BackupEntry;
  label: string;
  panel: OpenedRow['panel'] | null;
  onOpen(panel: OpenedRow['panel']): void;
  onClose(): void;
  onDone(): void;
}

function BackupRow({ backup, label, panel, onOpen, onClose, onDone }: BackupRowProps) {
  const { t, i18n } = useTranslation();
  const mayRestore = useMay('backups.restore');
  return (
    <>
      <tr data-testid="backup-row">
        <td className="nowrap">{label}</td>
        <td>{t(`backups.ui.reasons.${backup.reason}`)}</td>
        <td className="number nowrap">{formatSize(backup.bytes, i18n.language)}</td>
        <td className="cell-action nowrap">
          {mayRestore && (
            <>
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={panel === 'restore'}
                aria-label={t('backups.ui.restoreLabel', { date: label })}
                onClick={() => onOpen('restore')}
              >
                {t('backups.ui.restore')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                aria-expanded={panel === 'delete'}
                aria-label={t('backups.ui.deleteLabel', { date: label })}
                onClick={() => onOpen('delete')}
              >
                {t('backups.ui.delete')}
              </button>
            </>
          )}
        </td>
      </tr>
      {panel && (
        <tr className="restore-row">
          <td colSpan={4}>
            {panel === 'restore' ? (
              <RestorePanel backup={backup} label={label} onRestored={onDone} />
            ) : (
              <DeletePanel backup={backup} label={label} onCancel={onClose} onDeleted={onDone} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** Deleting asks once more, naming the backup: it cannot be undone. */
function DeletePanel({ backup, label, onCancel, onDeleted }: { backup: BackupEntry; label: string; onCancel(): void; onDeleted(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    const result = await call('backups.delete', { name: backup.name });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showNotice('backups.ui.deleted');
    onDeleted();
  }

  return (
    <div className="restore-panel" data-testid="delete-panel">
      <p className="strong">{t('backups.ui.deleteQuestion', { date: label })}</p>
      <ErrorAlert messageKey={error} />
      <div className="backups-actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
          {t('backups.ui.deleteConfirm')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          {t('backups.ui.cancel')}
        </button>
      </div>
    </div>
  );
}

/** Opening a backup with the sheet's key shows what it holds; only then can it replace today's data. */
function RestorePanel({ backup, label, onRestored }: { backup: BackupEntry; label: string; onRestored(): void }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [keyError, setKeyError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [busy, setBusy] = useState<'preview' | 'restore' | null>(null);

  function refused(fields: Record<string, string> | undefined, message: string) {
    setKeyError(fields?.recoveryKey ?? null);
    setError(fields?.recoveryKey ? null : message);
    if (fields?.recoveryKey) document.getElementById(`restore-key-${backup.name}`)?.focus();
  }

  async function preview(event: FormEvent) {
    event.preventDefault();
    setContents(null);
    setBusy('preview');
    const result = await call('backups.previewRestore', { name: backup.name, recoveryKey });
    setBusy(null);
    if (!result.ok) return refused(result.error.fields, result.error.message);
    setKeyError(null);
    setError(null);
    setContents(result.value);
  }

  async function restore() {
    setBusy('restore');
    const result = await call('backups.restore', { name: backup.name, recoveryKey });
    setBusy(null);
    if (!result.ok) return refused(result.error.fields, result.error.message);
    setRecoveryKey('');
    showNotice('backups.ui.restored');
    onRestored();
  }

  const inputId = `restore-key-${backup.name}`;
  return (
    <div className="restore-panel">
      <p className="strong">{t('backups.ui.restoreTitle', { date: label })}</p>
      <form className="restore-key" noValidate onSubmit={(event) => void preview(event)}>
        <SecretField
          id={inputId}
          kind="recovery-key"
          label={t('backups.ui.recoveryKey')}
          hint={t('backups.ui.recoveryKeyHint')}
          error={keyError ? t(keyError) : undefined}
          value={recoveryKey}
          onChange={(value) => {
            setRecoveryKey(value);
            setContents(null);
          }}
        />
        <button type="submit" className="button button-secondary" disabled={busy !== null || recoveryKey.trim() === ''}>
          {t('backups.ui.previewRestore')}
        </button>
      </form>
      {busy === 'preview' && <BusyNote labelKey="backups.ui.opening" />}
      <ErrorAlert messageKey={error} />
      {contents && (
        <div className="restore-contents" data-testid="restore-contents">
          <p>
            {t('backups.ui.contentsTaken', { date: formatMoment(contents.takenAt, i18n.language) })}
            {contents.lastChangeAt && <> {t('backups.ui.contentsLastChange', { date: formatDate(contents.lastChangeAt, i18n.language) })}</>}
          </p>
          <ul className="restore-counts">
            {Object.entries(contents.counts).map(([table, count]) => (
              <li key={table}>
                <span className="strong number">{count}</span> {t(`backups.ui.tables.${table}`, { count, defaultValue: table })}
              </li>
            ))}
          </ul>
          <p className="hint-box hint-box-warning">{t('backups.ui.restoreWarning')}</p>
          {busy === 'restore' && <BusyNote labelKey="backups.ui.restoring" />}
          <button type="button" className="button button-danger" disabled={busy !== null} onClick={() => void restore()}>
            {t('backups.ui.restoreConfirm')}
          </button>
        </div>
      )}
    </div>
  );
}
