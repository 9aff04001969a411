import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { useApiValue } from '../ui/useApiValue';

/** Settings: below how many people a count is hidden in the reports' documents for outside. */
export function SmallCellSetting() {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, replace } = useApiValue('reports.getSettings', {});
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (state.status === 'ready') setDraft(String(state.value.smallCellMinimum));
  }, [state]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const minimum = Number(draft.trim());
    if (!/^\d+$/.test(draft.trim()) || minimum < 1 || minimum > 100) {
      setError('reports.errors.minimum');
      return;
    }
    setSaving(true);
    const result = await call('reports.setSettings', { smallCellMinimum: minimum });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.fields?.smallCellMinimum ?? result.error.message);
      return;
    }
    setError(null);
    replace(result.value);
    showNotice('reports.ui.settings.saved');
  }

  return (
    <section className="card settings-card" aria-labelledby="small-cells-title">
      <h2 id="small-cells-title">{t('reports.ui.settings.title')}</h2>
      <p className="muted">{t('reports.ui.settings.intro')}</p>
      {state.status === 'ready' && (
        <form noValidate onSubmit={(event) => void save(event)}>
          <Field id="small-cell-minimum" label={t('reports.ui.settings.minimum')} error={error ? t(error) : undefined}>
            {(a11y) => <input {...a11y} type="text" inputMode="numeric" maxLength={3} value={draft} onChange={(event) => setDraft(event.target.value)} />}
          </Field>
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('reports.ui.settings.save')}
          </button>
        </form>
      )}
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
    </section>
  );
}
