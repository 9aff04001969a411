import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/roles';
import { SecretField } from '../ui/SecretField';
import { passwordStrength } from './passwordStrength';

interface PasswordFieldsProps {
  /** Unique on the page: the inputs' ids derive from it. */
  id: string;
  password: string;
  repeated: string;
  onPassword(value: string): void;
  onRepeated(value: string): void;
  /** The main process's refusal of this field (a translation key). */
  refusal: string | undefined;
  /** The form was sent: a password too short or typed differently twice is said. */
  sent: boolean;
  label?: string;
}

/** A new password typed twice, with a hint on its strength as it is typed. */
export function NewPasswordFields({ id, password, repeated, onPassword, onRepeated, refusal, sent, label }: PasswordFieldsProps) {
  const { t } = useTranslation();
  const strength = passwordStrength(password);
  return (
    <>
      <SecretField
        id={`${id}-password`}
        kind="new-password"
        label={label ?? t('accounts.ui.newPassword')}
        hint={t('accounts.ui.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={newPasswordError(t, refusal, sent, password)}
        value={password}
        onChange={onPassword}
        required
      />
      {password !== '' && (
        <p className={`password-strength password-strength-${strength}`} data-testid="password-strength" aria-live="polite">
          <span className="password-strength-bar" aria-hidden="true" />
          {t(`accounts.ui.strength.${strength}`)}
        </p>
      )}
      <SecretField
        id={`${id}-repeat`}
        kind="new-password"
        label={t('accounts.ui.repeatPassword')}
        error={sent && password !== repeated ? t('accounts.ui.passwordsDiffer') : undefined}
        value={repeated}
        onChange={onRepeated}
        required
      />
    </>
  );
}

/** The error under a new password: the main process's refusal first, else too short once sent. */
export function newPasswordError(t: (key: string) => string, refusal: string | undefined, sent: boolean, password: string): string | undefined {
  if (refusal) return t(refusal);
  return sent && password.length < PASSWORD_MIN_LENGTH ? t('accounts.errors.passwordTooShort') : undefined;
}

/** Whether a new password may be sent: long enough, typed the same twice. */
export function newPasswordReady(password: string, repeated: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && password === repeated;
}
