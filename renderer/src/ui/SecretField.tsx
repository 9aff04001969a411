import { Field } from './Field';

interface SecretFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  /** Already translated. */
  error: string | undefined;
  value: string;
  onChange(value: string): void;
  /** What the password manager may offer: a known password, a new one, or nothing (a recovery key). */
  kind: 'current-password' | 'new-password' | 'recovery-key';
  required?: boolean;
  autoFocus?: boolean;
}

/** A password, passphrase or recovery key: typed hidden, never spell-checked. */
export function SecretField({ id, label, hint, error, value, onChange, kind, required = false, autoFocus = false }: SecretFieldProps) {
  const recoveryKey = kind === 'recovery-key';
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {(a11y) => (
        <input
          {...a11y}
          type="password"
          className={recoveryKey ? 'recovery-key-input' : undefined}
          autoComplete={recoveryKey ? 'off' : kind}
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: only where the secret is the screen's one question
          autoFocus={autoFocus}
          maxLength={recoveryKey ? 200 : 256}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
