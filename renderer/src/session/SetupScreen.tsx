import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../shared/accounts';
import { call } from '../api/client';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { RecoverySheet } from '../ui/RecoverySheet';
import { useSubmission } from '../ui/useSubmission';
import { NewPasswordFields, newPasswordReady } from './PasswordFields';
import { useSession } from './sessionStore';

/**
 * The first start: the association's first account, its administrator, then the recovery sheet
 * (the app opens once the sheet is put away).
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const apply = useSession((store) => store.apply);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const { sent, busy, error, fields, send } = useSubmission();
  const [done, setDone] = useState<{ session: SessionState; recoveryKey: string | null; createdAt: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      name.trim() !== '' && newPasswordReady(password, repeated),
      () => call('session.setup', { name, password }),
      (value) => {
        setPassword('');
        setRepeated('');
        setDone({ ...value, createdAt: new Date().toISOString() });
      },
    );
  }

  if (done) {
    return (
      <div className="gate-card gate-card-wide" data-testid="setup-sheet">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('accounts.ui.setup.sheetTitle')}
        </h1>
        {done.recoveryKey ? (
          <>
            <p>{t('accounts.ui.setup.sheetIntro')}</p>
            <RecoverySheet recoveryKey={done.recoveryKey} createdAt={done.createdAt} onClose={() => apply(done.session)} />
          </>
        ) : (
          <>
            <p>{t('accounts.ui.setup.backupsSheetServes')}</p>
            <button type="button" className="button button-primary" onClick={() => apply(done.session)}>
              {t('accounts.ui.setup.open')}
            </button>
          </>
        )}
      </div>
    );
  }

  const nameError = fields.name ? t(fields.name) : sent && name.trim() === '' ? t('accounts.ui.nameRequired') : undefined;
  return (
    <form className="gate-card" noValidate onSubmit={(event) => void submit(event)} data-testid="setup-form">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('accounts.ui.setup.title')}
      </h1>
      <p>{t('accounts.ui.setup.intro')}</p>
      <Field id="setup-name" label={t('accounts.ui.name')} hint={t('accounts.ui.setup.nameHint')} error={nameError} required>
        {(a11y) => <input {...a11y} autoComplete="username" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <NewPasswordFields
        id="setup"
        label={t('accounts.ui.password')}
        password={password}
        repeated={repeated}
        onPassword={setPassword}
        onRepeated={setRepeated}
        refusal={fields.password}
        sent={sent}
      />
      <ErrorAlert messageKey={error} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('accounts.ui.setup.create')}
      </button>
    </form>
  );
}
