import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../shared/errors';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../shared/sectors';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { AddNameForm } from '../ui/AddNameForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { sectorLabel, useSectors } from '../ui/sectors';
import { folded } from '../ui/text';

/**
 * The sectors candidates, volunteers and employers are sorted by: the ones every installation
 * starts with (renamable, and back to their translated name), and the association's own.
 */
export function SectorSettings() {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [showArchived, setShowArchived] = useState(false);
  const { sectors, state, reload } = useSectors(true);
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; messageKey: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const newRef = useRef<HTMLInputElement>(null);

  /** Two sectors with the same name would be told apart by nobody. */
  const taken = (name: string, except?: string) =>
    sectors.some((sector) => sector.id !== except && folded(sectorLabel(sector, t)) === folded(name));

  async function add(event: FormEvent) {
    event.preventDefault();
    if (newName.trim() !== '' && taken(newName)) {
      setAddError('settings.ui.sectors.exists');
      newRef.current?.focus();
      return;
    }
    const result = await call('sectors.create', { name: newName });
    if (!result.ok) {
      setAddError(result.error.fields?.name ?? result.error.message);
      newRef.current?.focus();
      return;
    }
    setAddError(null);
    setNewName('');
    showNotice('settings.ui.sectors.added');
    await reload();
  }

  /** Runs a change on one sector; its error shows on its row. */
  async function change(sector: Sector, action: () => Promise<ApiResult<Sector>>, noticeKey: string): Promise<boolean> {
    setRowError(null);
    const result = await action();
    if (!result.ok) {
      setRowError({ id: sector.id, messageKey: result.error.fields?.name ?? result.error.message });
      return false;
    }
    showNotice(noticeKey);
    await reload();
    return true;
  }

  const shown = sectors.filter((sector) => showArchived || sector.archivedAt === null);
  const archivedCount = sectors.length - sectors.filter((sector) => sector.archivedAt === null).length;

  return (
    <section className="card settings-card" aria-labelledby="sectors-title">
      <h2 id="sectors-title">{t('settings.ui.sectors.title')}</h2>
      <p className="muted">{t('settings.ui.sectors.intro')}</p>

      <AddNameForm
        id="sector-new"
        inputRef={newRef}
        label={t('settings.ui.sectors.newLabel')}
        placeholder={t('settings.ui.sectors.newPlaceholder')}
        submitLabel={t('settings.ui.sectors.add')}
        value={newName}
        onChange={setNewName}
        errorKey={addError}
        onSubmit={(event) => void add(event)}
      />

      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      <ul className="sector-list" data-testid="sector-list">
        {shown.map((sector) => (
          <SectorRow
            key={sector.id}
            sector={sector}
            renaming={renaming === sector.id}
            error={rowError?.id === sector.id ? rowError.messageKey : null}
            onRename={() => {
              setRowError(null);
              setRenaming(sector.id);
            }}
            onCancelRename={() => setRenaming(null)}
            onSaveName={async (name) => {
              if (name.trim() !== '' && taken(name, sector.id)) {
                setRowError({ id: sector.id, messageKey: 'settings.ui.sectors.exists' });
                return;
              }
              const saved = await change(sector, () => call('sectors.rename', { id: sector.id, name }), 'settings.ui.sectors.renamed');
              if (saved) setRenaming(null);
            }}
            onReset={() => void change(sector, () => call('sectors.rename', { id: sector.id, name: null }), 'settings.ui.sectors.renamed')}
            onArchive={(archive) =>
              void change(
                sector,
                () => call(archive ? 'sectors.archive' : 'sectors.restore', { id: sector.id }),
                archive ? 'settings.ui.sectors.archived' : 'settings.ui.sectors.restored',
              )
            }
          />
        ))}
      </ul>
      {archivedCount > 0 && (
        <label className="checkbox settings-toggle">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          <span>{t('settings.ui.sectors.showArchived', { total: archivedCount })}</span>
        </label>
      )}
    </section>
  );
}

interface SectorRowProps {
  sector: Sector;
  renaming: boolean;
  error: string | null;
  onRename(): void;
  onCancelRename(): void;
  onSaveName(name: string): Promise<void>;
  onReset(): void;
  onArchive(archive: boolean): void;
}

function SectorRow({ sector, renaming, error, onRename, onCancelRename, onSaveName, onReset, onArchive }: SectorRowProps) {
  const { t } = useTranslation();
  const label = sectorLabel(sector, t);
  const [name, setName] = useState(label);
  const original = sector.seedKey ? sectorLabel({ seedKey: sector.seedKey, name: null }, t) : null;
  const inputId = `sector-name-${sector.id}`;
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (renaming) inputRef.current?.focus();
  }, [renaming]);
  const shownError = localError ?? error;

  if (renaming) {
    return (
      <li className="sector-row">
        <form
          className="sector-rename"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            // An empty name gives a seeded sector its translated name back; the others need one.
            if (name.trim() === '' && !sector.seedKey) {
              setLocalError('common.errors.required');
              return;
            }
            setLocalError(null);
            void onSaveName(name);
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            {t('settings.ui.sectors.nameLabel', { name: label })}
          </label>
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            maxLength={80}
            value={name}
            ref={inputRef}
            aria-invalid={Boolean(shownError)}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') onCancelRename();
            }}
          />
          <button type="submit" className="button button-primary">
            {t('settings.ui.sectors.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancelRename}>
            {t('settings.ui.sectors.cancel')}
          </button>
        </form>
        {shownError && (
          <p className="field-error" role="alert">
            {t(shownError)}
          </p>
        )}
      </li>
    );
  }

  return (
    <li className={sector.archivedAt ? 'sector-row sector-row-archived' : 'sector-row'}>
      <div className="sector-name">
        <span className="strong">{label}</span>
        {sector.archivedAt && <span className="tag">{t('settings.ui.sectors.archivedTag')}</span>}
        {original && sector.name && <span className="muted sector-original">{t('settings.ui.sectors.originalName', { name: original })}</span>}
        {!sector.seedKey && <span className="muted sector-original">{t('settings.ui.sectors.ownSector')}</span>}
      </div>
      <div className="sector-actions">
        {sector.archivedAt === null && (
          <button type="button" className="button button-quiet" aria-label={t('settings.ui.sectors.renameLabel', { name: label })}
            onClick={() => {
              setName(label);
              setLocalError(null);
              onRename();
            }}
          >
            {t('settings.ui.sectors.rename')}
          </button>
        )}
        {sector.archivedAt === null && original && sector.name && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={t('settings.ui.sectors.resetLabel', { name: label, original })}
            onClick={onReset}
          >
            {t('settings.ui.sectors.reset')}
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-label={t(sector.archivedAt ? 'settings.ui.sectors.restoreLabel' : 'settings.ui.sectors.archiveLabel', { name: label })}
          onClick={() => onArchive(sector.archivedAt === null)}
        >
          {t(sector.archivedAt ? 'settings.ui.sectors.restore' : 'settings.ui.sectors.archive')}
        </button>
      </div>
      {error && (
        <p className="field-error sector-error" role="alert">
          {t(error)}
        </p>
      )}
    </li>
  );
}
