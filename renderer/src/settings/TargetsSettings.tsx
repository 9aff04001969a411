import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTED_THINGS, type CountedThing, TARGET_PERIODS, type TargetPeriod, type Targets } from '../../../shared/dashboard';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field, fieldErrorId } from '../ui/Field';
import { useApiValue } from '../ui/useApiValue';
import './TargetsSettings.css';

/** The form's values as typed: a target is text until it is sent (empty: no target). */
type Draft = { period: TargetPeriod } & Record<CountedThing, string>;

function toDraft(targets: Targets): Draft {
  const draft = { period: targets.period } as Draft;
  for (const thing of COUNTED_THINGS) draft[thing] = targets[thing] === null ? '' : String(targets[thing]);
  return draft;
}

/** "1 200" as French people write it is 1200; anything that is no whole number stays here with its error. */
function parseTarget(text: string): { value: number | null } | { error: string } {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (digits === '') return { value: null };
  return /^\d+$/.test(digits) ? { value: Number(digits) } : { error: 'common.errors.number' };
}

const inputId = (field: string) => `targets-${field}`;

/** The programme's targets for the month, quarter or year (e.g. 200 company contacts a year), shown on the home screen. */
export function TargetsSettings() {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { state, replace } = useApiValue('dashboard.getTargets', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (state.status === 'ready') setDraft(toDraft(state.value));
  }, [state]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const found: Record<string, string> = {};
    const targets = { period: draft.period } as Targets;
    for (const thing of COUNTED_THINGS) {
      const parsed = parseTarget(draft[thing]);
      if ('error' in parsed) found[thing] = parsed.error;
      else targets[thing] = parsed.value;
    }
    if (Object.keys(found).length === 0) {
      setSaving(true);
      const result = await call('dashboard.setTargets', targets);
      setSaving(false);
      if (result.ok) {
        setErrors({});
        setFormError(null);
        replace(result.value);
        showNotice('dashboard.ui.targets.saved');
        return;
      }
      Object.assign(found, result.error.fields ?? {});
      setFormError(result.error.fields ? null : result.error.message);
    }
    setErrors(found);
    const first = ['period', ...COUNTED_THINGS].find((field) => field in found);
    if (first) {
      document.getElementById(inputId(first))?.focus();
      document.getElementById(fieldErrorId(inputId(first)))?.scrollIntoView({ block: 'nearest' });
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('dashboard.ui.targets.title')}</h2>
      <p className="muted">{t('dashboard.ui.targets.intro')}</p>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {draft && (
        <form className="targets-form" noValidate onSubmit={(event) => void save(event)}>
          <div className="form-grid targets-grid">
            <Field id={inputId('period')} label={t('dashboard.ui.targets.period')} error={errors.period && t(errors.period)}>
              {(a11y) => (
                <select {...a11y} value={draft.period} onChange={(event) => setDraft({ ...draft, period: event.target.value as TargetPeriod })}>
                  {TARGET_PERIODS.map((period) => (
                    <option key={period} value={period}>
                      {t(`dashboard.ui.targets.periods.${period}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {COUNTED_THINGS.map((thing) => (
              <Field
                key={thing}
                id={inputId(thing)}
                label={t(`dashboard.ui.things.${thing}`)}
                error={errors[thing] && t(errors[thing])}
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={12}
                    value={draft[thing]}
                    onChange={(event) => setDraft({ ...draft, [thing]: event.target.value })}
                  />
                )}
              </Field>
            ))}
          </div>
          <ErrorAlert messageKey={formError} />
          <div className="targets-actions">
            <button type="submit" className="button button-primary" disabled={saving}>
              {t('dashboard.ui.targets.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
