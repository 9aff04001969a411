import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../shared/accounts';
import { call } from '../api/client';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { SecretField } from '../ui/SecretField';
import { useSubmission } from '../ui/useSubmission';
import { preselectedName } from './gate';
import { NewPasswordFields, newPasswordReady } from './PasswordFields';
import { useSession } from './sessionStore';

/** Who is signing in: one of the recent accounts, a name typed ("another account"), or nobody chosen yet. */
type Who = { kind: 'pick' } | { kind: 'recent'; name: string } | { kind: 'other' } | { kind: 'recover' };

/**
 * Signed out or locked: the accounts that used this computer lately, each one click from its
 * password; another account by its name; a forgotten password with the recovery sheet.
 */
export function SignInScreen({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const lockedBy = useSession((store) => store.lockedBy);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const initial = preselectedName(state, lockedBy);
  const [who, setWho] = useState<Who>(
    initial ? { kind: 'recent', name: initial } : state.recentAccounts.length > 0 ? { kind: 'pick' } : { kind: 'other' },
  );

  return (
    <div className="gate-card" data-testid="sign-in">
      <h1 ref={headingRef} tabIndex={-1}>
        {who.kind === 'recover' ? t('accounts.ui.recover.title') : state.locked ? t('accounts.ui.signIn.lockedTitle') : t('accounts.ui.signIn.title')}
      </h1>
      {state.locked && who.kind !== 'recover' && <p className="muted">{t('accounts.ui.signIn.lockedIntro')}</p>}
      {who.kind === 'pick' && <RecentAccounts state={state} onPick={(name) => setWho({ kind: 'recent', name })} onOther={() => setWho({ kind: 'other' })} />}
      {(who.kind === 'recent' || who.kind === 'other') && (
        <PasswordForm
          key={who.kind === 'recent' ? who.name : ''}
          fixedName={who.kind === 'recent' ? who.name : null}
          onBack={state.recentAccounts.length > 0 ? () => setWho({ kind: 'pick' }) : null}
        />
      )}
      {who.kind === 'recover' && <RecoverForm onBack={() => setWho(state.recentAccounts.length > 0 ? { kind: 'pick' } : { kind: 'other' })} />}
      {who.kind !== 'recover' && (
        <button type="button" className="button button-link gate-forgotten" onClick={() => setWho({ kind: 'recover' })}>
          {t('accounts.ui.signIn.forgotten')}
        </button>
      )}
    </div>
  );
}

function RecentAccounts({ state, onPick, onOther }: { state: SessionState; onPick(name: string): void; onOther(): void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('accounts.ui.signIn.recent')}>
      <p className="gate-label">{t('accounts.ui.signIn.whoIsIt')}</p>
      <ul className="gate-accounts">
        {state.recentAccounts.map((account) => (
          <li key={account.id}>
            <button type="button" className="gate-account" onClick={() => onPick(account.name)}>
              <span className="gate-avatar" aria-hidden="true">
                {initials(account.name)}
              </span>
              <span>{account.name}</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="gate-account gate-account-other" onClick={onOther}>
            <span className="gate-avatar" aria-hidden="true">
              +
            </span>
            <span>{t('accounts.ui.signIn.other')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

/** "Aminata Diallo" → "AD": the recent accounts' badges. */
export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => Array.from(part)[0] ?? '');
  return (letters.length > 1 ? `${letters[0]}${letters.at(-1)}` : (letters[0] ?? '')).toLocaleUpperCase();
}

function PasswordForm({ fixedName, onBack }: { fixedName: string | null; onBack: (() => void) | null }) {
  const { t } = useTranslation();
  const apply = useSession((store) => store.apply);
  const [name, setName] = useState(fixedName ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '' || password === '') {
      setError(name.trim() === '' ? 'accounts.ui.nameRequired' : 'accounts.ui.passwordRequired');
      return;
    }
    // Cleared first, so the same refusal twice is announced twice.
    setError(null);
    setBusy(true);
    const result = await call('session.signIn', { name, password });
    setBusy(false);
    setPassword('');
    if (!result.ok) {
      setError(result.error.message);
      document.getElementById('sign-in-password')?.focus();
      return;
    }
    apply(result.value);
  }

  return (
    <form className="gate-form" noValidate onSubmit={(event) => void submit(event)}>
      {fixedName === null ? (
        <Field id="sign-in-name" label={t('accounts.ui.name')} error={undefined}>
          {(a11y) => (
            <input
              {...a11y}
              // biome-ignore lint/a11y/noAutofocus: the sign-in screen's one question
              autoFocus
              autoComplete="username"
              maxLength={80}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
      ) : (
        <p className="gate-who">
          <span className="gate-avatar" aria-hidden="true">
            {initials(fixedName)}
          </span>
          <span className="strong">{fixedName}</span>
        </p>
      )}
      <SecretField
        id="sign-in-password"
        kind="current-password"
        label={t('accounts.ui.password')}
        error={undefined}
        // The name is chosen: the password is what is asked.
        autoFocus={fixedName !== null}
        value={password}
        onChange={setPassword}
      />
      <ErrorAlert messageKey={error} />
      <div className="gate-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('accounts.ui.signIn.checking') : t('accounts.ui.signIn.submit')}
        </button>
        {onBack && (
          <button type="button" className="button button-secondary" onClick={onBack}>
            {t('accounts.ui.signIn.otherPerson')}
          </button>
        )}
      </div>
    </form>
  );
}

/** A forgotten administrator password: the recovery sheet's key sets a new one. */
function RecoverForm({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const apply = useSession((store) => store.apply);
  const [name, setName] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const { sent, busy, error, fields, send } = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      name.trim() !== '' && recoveryKey.trim() !== '' && newPasswordReady(password, repeated),
      // The sheet prints the key in groups: the spaces are only for reading.
      () => call('session.recover', { name, recoveryKey: recoveryKey.replace(/\s+/g, ''), newPassword: password }),
      apply,
    );
  }

  const required = (value: string) => (sent && value.trim() === '' ? t('accounts.ui.fieldRequired') : undefined);
  return (
    <form className="gate-form" noValidate onSubmit={(event) => void submit(event)} data-testid="recover-form">
      <p className="muted">{t('accounts.ui.recover.intro')}</p>
      <Field id="recover-name" label={t('accounts.ui.recover.name')} error={fields.name ? t(fields.name) : required(name)} required>
        {(a11y) => <input {...a11y} autoComplete="username" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <SecretField
        id="recover-key"
        kind="recovery-key"
        label={t('accounts.ui.recover.key')}
        hint={t('accounts.ui.recover.keyHint')}
        error={fields.recoveryKey ? t(fields.recoveryKey) : required(recoveryKey)}
        value={recoveryKey}
        onChange={setRecoveryKey}
        required
      />
      <NewPasswordFields
        id="recover"
        password={password}
        repeated={repeated}
        onPassword={setPassword}
        onRepeated={setRepeated}
        refusal={fields.newPassword}
        sent={sent}
      />
      <ErrorAlert messageKey={error} />
      <div className="gate-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('accounts.ui.recover.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('accounts.ui.recover.back')}
        </button>
      </div>
    </form>
  );
}
