import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { NewPasswordFields, newPasswordReady } from './PasswordFields';

/** Any account changes its own password, proving the current one. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const ref = useRef<HTMLDialogElement>(null);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(true);
    if (current === '' || !newPasswordReady(password, repeated)) return;
    setBusy(true);
    const result = await call('accounts.changePassword', { currentPassword: current, newPassword: password });
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      setError(result.error.fields ? null : result.error.message);
      return;
    }
    showNotice('accounts.ui.passwordChanged');
    onClose();
  }

  return (
    <dialog ref={ref} className="dialog password-dialog" aria-labelledby="change-password-title" onCancel={onClose}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="change-password-title">{t('accounts.ui.changePassword.title')}</h2>
        <Field
          id="change-current"
          label={t('accounts.ui.changePassword.current')}
          error={fields.currentPassword ? t(fields.currentPassword) : sent && current === '' ? t('accounts.ui.fieldRequired') : undefined}
          required
        >
          {(a11y) => (
            <input {...a11y} type="password" autoComplete="current-password" maxLength={256} value={current} onChange={(event) => setCurrent(event.target.value)} />
          )}
        </Field>
        <NewPasswordFields
          id="change"
          password={password}
          repeated={repeated}
          onPassword={setPassword}
          onRepeated={setRepeated}
          error={fields.newPassword ? t(fields.newPassword) : sent && !newPasswordReady(password, password) ? t('accounts.errors.passwordTooShort') : undefined}
          showMismatch={sent}
        />
        <ErrorAlert messageKey={error} />
        <div className="dialog-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('accounts.ui.changePassword.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('accounts.ui.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
