import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { CANDIDATE_RETENTION_DAYS, RETENTION_RULES } from '../../../shared/retention';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { downloadBase64 } from '../exchange/files';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { useApiValue } from '../ui/useApiValue';
import { ChoiceSelect } from '../ui/ChoiceSelect';

/**
 * Settings: how long a file is kept after the last contact (the legal default, shorter at will,
 * longer only with a reason), the other periods Tremplin applies, and the register of processing.
 */
export function RetentionSettings() {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, replace } = useApiValue('retention.settings', {});
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [language, setLanguage] = useState<Language>((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fr');
  const [downloadError, setDownloadError] = useState<string | null>(null);

  useEffect(() => {
    if (state.status !== 'ready') return;
    setDays(String(state.value.candidateDays));
    setReason(state.value.reasonForLonger ?? '');
  }, [state]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{1,5}$/.test(days.trim())) return setErrors({ candidateDays: 'common.errors.number' });
    setSaving(true);
    const result = await call('retention.saveSettings', { candidateDays: Number(days.trim()), reasonForLonger: reason });
    setSaving(false);
    if (!result.ok) return setErrors(result.error.fields ?? { form: result.error.message });
    setErrors({});
    replace(result.value);
    showNotice('retention.ui.settings.saved');
  }

  async function downloadRegister() {
    setDownloadError(null);
    const result = await call('retention.processingRegister', { language });
    if (!result.ok) return setDownloadError(result.error.message);
    downloadBase64(result.value.content, result.value.fileName);
  }

  const longer = Number(days) > CANDIDATE_RETENTION_DAYS;
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <section className="card settings-card" aria-labelledby="retention-title" data-testid="retention-settings">
      <h2 id="retention-title">{t('retention.ui.settings.title')}</h2>
      <p className="muted">{t('retention.ui.settings.intro')}</p>
      {state.status === 'ready' && (
        <form noValidate onSubmit={(event) => void save(event)}>
          <Field id="retention-days" label={t('retention.ui.settings.days')} error={error('candidateDays')}>
            {(a11y) => <input {...a11y} type="text" inputMode="numeric" maxLength={5} value={days} onChange={(event) => setDays(event.target.value)} />}
          </Field>
          {longer && (
            <Field id="retention-reason" label={t('retention.ui.settings.reasonForLonger')} error={error('reasonForLonger')}>
              {(a11y) => <textarea {...a11y} rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />}
            </Field>
          )}
          <ErrorAlert messageKey={errors.form ?? null} />
          <button type="submit" className="button button-primary" disabled={saving}>
            {t('retention.ui.settings.save')}
          </button>
        </form>
      )}
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      <h3>{t('retention.ui.settings.otherPeriods')}</h3>
      <ul className="retention-rules">
        {RETENTION_RULES.filter((rule) => rule.subject !== 'candidates').map((rule) => (
          <li key={rule.subject}>{'months' in rule ? t(`retention.ui.rules.${rule.subject}`, { months: rule.months }) : t(`retention.ui.rules.${rule.subject}`, { days: rule.days })}</li>
        ))}
      </ul>
      <h3>{t('retention.ui.settings.register')}</h3>
      <p className="muted">{t('retention.ui.settings.registerHint')}</p>
      <div className="retention-register">
        <ChoiceSelect
          id="retention-register-language"
          label={t('retention.ui.settings.language')}
          choices={LANGUAGES}
          value={language}
          onChange={setLanguage}
          choiceLabel={(value) => t(`common.values.languages.${value}`)}
          choicesInOwnLanguage
        />
        <button type="button" className="button button-secondary" onClick={() => void downloadRegister()}>
          {t('retention.ui.settings.registerDownload')}
        </button>
      </div>
      <ErrorAlert messageKey={downloadError} />
    </section>
  );
}
