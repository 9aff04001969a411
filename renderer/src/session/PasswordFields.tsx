import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/accounts';
import { Field } from '../ui/Field';
import { passwordStrength } from './passwordStrength';

interface PasswordFieldsProps {
  /** Unique on the page: the inputs' ids derive from it. */
  id: string;
  password: string;
  repeated: string;
  onPassword(value: string): void;
  onRepeated(value: string): void;
  /** Already translated, from the main process's refusal. */
  error?: string | undefined;
  /** Shown once the form was sent: the two do not match. */
  showMismatch: boolean;
  label?: string;
}

/** A new password typed twice, with a hint on its strength as it is typed. */
export function NewPasswordFields({ id, password, repeated, onPassword, onRepeated, error, showMismatch, label }: PasswordFieldsProps) {
  const { t } = useTranslation();
  const strength = passwordStrength(password);
  const mismatch = showMismatch && password !== repeated;
  return (
    <>
      <Field id={`${id}-password`} label={label ?? t('accounts.ui.newPassword')} hint={t('accounts.ui.passwordHint', { min: PASSWORD_MIN_LENGTH })} error={error} required>
        {(a11y) => (
          <input
            {...a11y}
            type="password"
            autoComplete="new-password"
            maxLength={256}
            value={password}
            onChange={(event) => onPassword(event.target.value)}
          />
        )}
      </Field>
      {password !== '' && (
        <p className={`password-strength password-strength-${strength}`} data-testid="password-strength" aria-live="polite">
          <span className="password-strength-bar" aria-hidden="true" />
          {t(`accounts.ui.strength.${strength}`)}
        </p>
      )}
      <Field id={`${id}-repeat`} label={t('accounts.ui.repeatPassword')} error={mismatch ? t('accounts.ui.passwordsDiffer') : undefined} required>
        {(a11y) => (
          <input
            {...a11y}
            type="password"
            autoComplete="new-password"
            maxLength={256}
            value={repeated}
            onChange={(event) => onRepeated(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** Whether a new password may be sent: long enough, typed the same twice. */
export function newPasswordReady(password: string, repeated: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && password === repeated;
}
