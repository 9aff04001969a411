import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SecretField } from '../ui/SecretField';
import { useSubmission } from '../ui/useSubmission';
import { NewPasswordFields, newPasswordReady } from './PasswordFields';
import { useModal } from '../ui/useModal';

/** Any account changes its own password, proving the current one. */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const ref = useModal();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const { sent, busy, error, fields, send } = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      current !== '' && newPasswordReady(password, repeated),
      () => call('accounts.changePassword', { currentPassword: current, newPassword: password }),
      () => {
        showNotice('accounts.ui.passwordChanged');
        onClose();
      },
    );
  }

  return (
    <dialog ref={ref} className="dialog password-dialog" aria-labelledby="change-password-title" onCancel={onClose}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2 id="change-password-title">{t('accounts.ui.changePassword.title')}</h2>
        <SecretField
          id="change-current"
          kind="current-password"
          label={t('accounts.ui.changePassword.current')}
          error={fields.currentPassword ? t(fields.currentPassword) : sent && current === '' ? t('accounts.ui.fieldRequired') : undefined}
          value={current}
          onChange={setCurrent}
          required
        />
        <NewPasswordFields
          id="change"
          password={password}
          repeated={repeated}
          onPassword={setPassword}
          onRepeated={setRepeated}
          refusal={fields.newPassword}
          sent={sent}
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
