import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult } from '../../../shared/errors';
import type { Programme } from '../../../shared/programmes';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { AddNameForm } from '../ui/AddNameForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';

/** The programmes and funders files are followed under (reports filter by them): added, renamed, archived. */
export function ProgrammeSettings() {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, reload } = useApiValue('programmes.list', { includeArchived: true });
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: string; messageKey: string } | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const result = await call('programmes.create', { name: newName });
    if (!result.ok) {
      setAddError(result.error.fields?.name ?? result.error.message);
      return;
    }
    setAddError(null);
    setNewName('');
    showNotice('programmes.ui.settings.added');
    await reload();
  }

  async function change(programme: Programme, action: () => Promise<ApiResult<Programme>>, noticeKey: string) {
    setRowError(null);
    const result = await action();
    if (!result.ok) {
      setRowError({ id: programme.id, messageKey: result.error.fields?.name ?? result.error.message });
      return;
    }
    setRenaming(null);
    showNotice(noticeKey);
    await reload();
  }

  const programmes = state.status === 'ready' ? state.value : [];
  return (
    <section className="card settings-card" aria-labelledby="programmes-title">
      <h2 id="programmes-title">{t('programmes.ui.settings.title')}</h2>
      <p className="muted">{t('programmes.ui.settings.intro')}</p>
      <AddNameForm
        id="programme-new"
        label={t('programmes.ui.settings.newLabel')}
        placeholder={t('programmes.ui.settings.newPlaceholder')}
        submitLabel={t('programmes.ui.settings.add')}
        value={newName}
        onChange={setNewName}
        errorKey={addError}
        onSubmit={(event) => void add(event)}
      />
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'ready' && programmes.length === 0 && <p className="muted">{t('programmes.ui.settings.none')}</p>}
      <ul className="sector-list" data-testid="programme-list">
        {programmes.map((programme) => (
          <li key={programme.id} className={programme.archivedAt ? 'sector-row sector-row-archived' : 'sector-row'}>
            {renaming?.id === programme.id ? (
              <form
                className="sector-rename"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  void change(programme, () => call('programmes.rename', { id: programme.id, name: renaming.name }), 'programmes.ui.settings.renamed');
                }}
              >
                <label htmlFor={`programme-name-${programme.id}`} className="visually-hidden">
                  {t('programmes.ui.settings.nameLabel', { name: programme.name })}
                </label>
                <input
                  id={`programme-name-${programme.id}`}
                  type="text"
                  autoComplete="off"
                  maxLength={80}
                  value={renaming.name}
                  onChange={(event) => setRenaming({ id: programme.id, name: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') setRenaming(null);
                  }}
                />
                <button type="submit" className="button button-primary">
                  {t('programmes.ui.settings.save')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setRenaming(null)}>
                  {t('programmes.ui.settings.cancel')}
                </button>
              </form>
            ) : (
              <>
                <div className="sector-name">
                  <span className="strong">{programme.name}</span>
                  {programme.archivedAt && <span className="tag">{t('programmes.ui.settings.archivedTag')}</span>}
                </div>
                <div className="sector-actions">
                  {programme.archivedAt === null && (
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t('programmes.ui.settings.renameLabel', { name: programme.name })}
                      onClick={() => {
                        setRowError(null);
                        setRenaming({ id: programme.id, name: programme.name });
                      }}
                    >
                      {t('programmes.ui.settings.rename')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t(programme.archivedAt ? 'programmes.ui.settings.restoreLabel' : 'programmes.ui.settings.archiveLabel', { name: programme.name })}
                    onClick={() =>
                      void change(
                        programme,
                        () => call(programme.archivedAt ? 'programmes.restore' : 'programmes.archive', { id: programme.id }),
                        programme.archivedAt ? 'programmes.ui.settings.restored' : 'programmes.ui.settings.archived',
                      )
                    }
                  >
                    {t(programme.archivedAt ? 'programmes.ui.settings.restore' : 'programmes.ui.settings.archive')}
                  </button>
                </div>
              </>
            )}
            {rowError?.id === programme.id && (
              <p className="field-error sector-error" role="alert">
                {t(rowError.messageKey)}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
