import { dateFormat } from '../../../shared/dateFormat';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccountSummary, PASSWORD_MIN_LENGTH } from '../../../shared/accounts';
import { ROLES, type Role } from '../../../shared/roles';
import type { VolunteerName } from '../../../shared/volunteers';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { ChangePasswordDialog } from '../session/ChangePasswordDialog';
import { newPasswordError } from '../session/PasswordFields';
import { useMay } from '../session/useMay';
import { useSession } from '../session/sessionStore';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { useApiValue } from '../ui/useApiValue';
import { useSubmission } from '../ui/useSubmission';
import { sortableName } from '../volunteers/names';
import { SettingsTabs } from './SettingsTabs';
import './AccountsSettings.css';
import { TableScroll } from '../ui/TableScroll';

const VOLUNTEERS_INPUT = { archived: 'active', limit: 500 } as const;

function formatMoment(value: string, language: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Settings › Accounts: one account per person, created, changed, disabled (never deleted) by the administrator. */
export function AccountsSettings() {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { state, reload } = useApiValue('accounts.list', { includeDisabled: true });
  const mayVolunteers = useMay('volunteers.list');
  const volunteers = useApiValue('volunteers.list', mayVolunteers ? VOLUNTEERS_INPUT : null);
  const volunteerList = volunteers.state.status === 'ready' ? volunteers.state.value.items : [];
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<OpenedRow | null>(null);
  const [changingOwn, setChangingOwn] = useState(false);

  return (
    <div className="screen" data-testid="accounts-settings">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('settings.ui.title')}
        </h1>
      </header>
      <SettingsTabs current="accounts" />
      <section className="card settings-card accounts" aria-labelledby="accounts-title">
        <div className="accounts-head">
          <h2 id="accounts-title">{t('accounts.ui.list.title')}</h2>
          {!creating && (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('accounts.ui.create.open')}
            </button>
          )}
        </div>
        <p className="muted">{t('accounts.ui.list.intro')}</p>
        {creating && (
          <CreateAccountForm
            volunteers={volunteerList}
            onCancel={() => setCreating(false)}
            onCreated={() => {
              setCreating(false);
              void reload();
            }}
          />
        )}
        <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
        {state.status === 'ready' && (
          <AccountTable
            accounts={state.value}
            volunteers={volunteerList}
            opened={opened}
            onOpen={setOpened}
            onDone={() => {
              setOpened(null);
              void reload();
            }}
          />
        )}
      </section>
      <IdleLockSettings />
      <section className="card settings-card" aria-labelledby="own-account-title">
        <h2 id="own-account-title">{t('accounts.ui.own.title')}</h2>
        <p className="muted">{t('accounts.ui.own.intro')}</p>
        <button type="button" className="button button-secondary accounts-own" onClick={() => setChangingOwn(true)}>
          {t('accounts.ui.panel.changePassword')}
        </button>
        {changingOwn && <ChangePasswordDialog onClose={() => setChangingOwn(false)} />}
      </section>
    </div>
  );
}

type Panel = 'role' | 'reset' | 'disable' | 'enable';
interface OpenedRow {
  id: string;
  panel: Panel;
}

interface AccountTableProps {
  accounts: AccountSummary[];
  volunteers: VolunteerName[];
  opened: OpenedRow | null;
  onOpen(row: OpenedRow | null): void;
  onDone(): void;
}

function AccountTable({ accounts, volunteers, opened, onOpen, onDone }: AccountTableProps) {
  const { t, i18n } = useTranslation();
  const me = useSession((store) => store.state?.signedIn?.accountId);
  const volunteerName = (id: string | null) => {
    const volunteer = volunteers.find((candidate) => candidate.id === id);
    return volunteer ? `${volunteer.firstName} ${volunteer.lastName}` : null;
  };
  return (
    <TableScroll>
      <table className="data-table compact-table accounts-table" data-testid="accounts-list">
        <caption className="visually-hidden">{t('accounts.ui.list.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accounts.ui.name')}</th>
            <th scope="col">{t('accounts.ui.role')}</th>
            <th scope="col">{t('accounts.ui.list.status')}</th>
            <th scope="col">{t('accounts.ui.list.lastSignIn')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('accounts.ui.list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const panel = opened?.id === account.id ? opened.panel : null;
            const toggle = (next: Panel) => onOpen(panel === next ? null : { id: account.id, panel: next });
            const linked = volunteerName(account.volunteerId);
            const isMe = account.id === me;
            return (
              <AccountRow key={account.id} panel={panel} account={account} volunteers={volunteers} onClose={() => onOpen(null)} onDone={onDone}>
                <td>
                  <span className="strong">{account.name}</span>
                  {isMe && <span className="tag tag-muted accounts-me">{t('accounts.ui.list.me')}</span>}
                </td>
                <td>
                  {t(`accounts.ui.roles.${account.role}`)}
                  {linked && <span className="cell-secondary">{linked}</span>}
                </td>
                <td>
                  {account.disabledAt ? (
                    <span className="tag tag-muted">{t('accounts.ui.list.disabled')}</span>
                  ) : (
                    <span className="tag tag-ok">{t('accounts.ui.list.active')}</span>
                  )}
                </td>
                <td className="nowrap">{account.lastSignInAt ? formatMoment(account.lastSignInAt, i18n.language) : t('accounts.ui.list.never')}</td>
                <td className="cell-action nowrap">
                  {account.disabledAt === null ? (
                    <>
                      <RowButton panel={panel} value="role" name={account.name} onClick={toggle} />
                      <RowButton panel={panel} value="reset" name={account.name} onClick={toggle} />
                      {!isMe && <RowButton panel={panel} value="disable" name={account.name} onClick={toggle} />}
                    </>
                  ) : (
                    <RowButton panel={panel} value="enable" name={account.name} onClick={toggle} />
                  )}
                </td>
              </AccountRow>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RowButton({ panel, value, name, onClick }: { panel: Panel | null; value: Panel; name: string; onClick(panel: Panel): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-expanded={panel === value}
      aria-label={t(`accounts.ui.actions.${value}Label`, { name })}
      onClick={() => onClick(value)}
    >
      {t(`accounts.ui.actions.${value}`)}
    </button>
  );
}

interface AccountRowProps {
  account: AccountSummary;
  volunteers: VolunteerName[];
  panel: Panel | null;
  children: ReactNode;
  onClose(): void;
  onDone(): void;
}

function AccountRow({ account, volunteers, panel, children, onClose, onDone }: AccountRowProps) {
  return (
    <>
      <tr data-testid="account-row">{children}</tr>
      {panel && (
        <tr className="accounts-panel-row">
          <td colSpan={5}>
            {panel === 'role' && <RolePanel account={account} volunteers={volunteers} onCancel={onClose} onDone={onDone} />}
            {(panel === 'reset' || panel === 'enable') && <PasswordPanel account={account} enable={panel === 'enable'} onCancel={onClose} onDone={onDone} />}
            {panel === 'disable' && <DisablePanel account={account} onCancel={onClose} onDone={onDone} />}
          </td>
        </tr>
      )}
    </>
  );
}

function RoleFields({
  id,
  role,
  volunteerId,
  volunteers,
  onRole,
  onVolunteer,
  fields,
}: {
  id: string;
  role: Role;
  volunteerId: string | null;
  volunteers: VolunteerName[];
  onRole(role: Role): void;
  onVolunteer(id: string | null): void;
  fields: Record<string, string>;
}) {
  const { t } = useTranslation();
  const sorted = [...volunteers].sort((a, b) => sortableName(a).localeCompare(sortableName(b)));
  return (
    <>
      <Field id={`${id}-role`} label={t('accounts.ui.role')} hint={t(`accounts.ui.roleHints.${role}`)} error={fields.role ? t(fields.role) : undefined} required>
        {(a11y) => (
          <select {...a11y} value={role} onChange={(event) => onRole(event.target.value as Role)}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`accounts.ui.roles.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === 'volunteer' && (
        <Field
          id={`${id}-volunteer`}
          label={t('accounts.ui.volunteer')}
          hint={t('accounts.ui.volunteerHint')}
          error={fields.volunteerId ? t(fields.volunteerId) : undefined}
          required
        >
          {(a11y) => (
            <select {...a11y} value={volunteerId ?? ''} onChange={(event) => onVolunteer(event.target.value === '' ? null : event.target.value)}>
              <option value="">{t('accounts.ui.noVolunteer')}</option>
              {sorted.map((volunteer) => (
                <option key={volunteer.id} value={volunteer.id}>
                  {sortableName(volunteer)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}

function TemporaryPassword({ id, value, onChange, error }: { id: string; value: string; onChange(value: string): void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={t('accounts.ui.temporaryPassword')} hint={t('accounts.ui.temporaryPasswordHint', { min: PASSWORD_MIN_LENGTH })} error={error} required>
      {(a11y) => <input {...a11y} type="text" autoComplete="off" spellCheck={false} maxLength={256} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}

function CreateAccountForm({ volunteers, onCancel, onCreated }: { volunteers: VolunteerName[]; onCancel(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('volunteer');
  const [volunteerId, setVolunteerId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const { sent, busy, error, fields, send } = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      name.trim() !== '' && password.length >= PASSWORD_MIN_LENGTH,
      () => call('accounts.create', { name, role, password, volunteerId: role === 'volunteer' ? volunteerId : null }),
      () => {
        showNotice('accounts.ui.create.done');
        onCreated();
      },
    );
  }

  return (
    <form className="accounts-form" noValidate onSubmit={(event) => void submit(event)} data-testid="create-account">
      <h3>{t('accounts.ui.create.title')}</h3>
      <div className="form-grid">
        <Field
          id="create-account-name"
          label={t('accounts.ui.name')}
          error={fields.name ? t(fields.name) : sent && name.trim() === '' ? t('accounts.ui.nameRequired') : undefined}
          required
        >
          {(a11y) => <input {...a11y} autoComplete="off" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <RoleFields id="create-account" role={role} volunteerId={volunteerId} volunteers={volunteers} onRole={setRole} onVolunteer={setVolunteerId} fields={fields} />
        <TemporaryPassword
          id="create-account-password"
          value={password}
          onChange={setPassword}
          error={newPasswordError(t, fields.password, sent, password)}
        />
      </div>
      <ErrorAlert messageKey={error} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('accounts.ui.create.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('accounts.ui.cancel')}
        </button>
      </div>
    </form>
  );
}

function RolePanel({ account, volunteers, onCancel, onDone }: { account: AccountSummary; volunteers: VolunteerName[]; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [role, setRole] = useState<Role>(account.role);
  const [volunteerId, setVolunteerId] = useState<string | null>(account.volunteerId);
  const { busy, error, fields, send } = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      true,
      () => call('accounts.update', { id: account.id, role, volunteerId: role === 'volunteer' ? volunteerId : null }),
      () => {
        showNotice('accounts.ui.saved');
        onDone();
      },
    );
  }

  return (
    <form className="accounts-panel" noValidate onSubmit={(event) => void submit(event)}>
      <p className="strong">{t('accounts.ui.actions.roleTitle', { name: account.name })}</p>
      <div className="form-grid">
        <RoleFields id={`role-${account.id}`} role={role} volunteerId={volunteerId} volunteers={volunteers} onRole={setRole} onVolunteer={setVolunteerId} fields={fields} />
      </div>
      <ErrorAlert messageKey={error} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('accounts.ui.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('accounts.ui.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Resetting a password, or enabling a disabled account (its key copy was destroyed: it needs a new password). */
function PasswordPanel({ account, enable, onCancel, onDone }: { account: AccountSummary; enable: boolean; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [password, setPassword] = useState('');
  const { sent, busy, error, fields, send } = useSubmission();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      password.length >= PASSWORD_MIN_LENGTH,
      () => call(enable ? 'accounts.enable' : 'accounts.resetPassword', { id: account.id, password }),
      () => {
        showNotice(enable ? 'accounts.ui.actions.enabled' : 'accounts.ui.actions.resetDone');
        onDone();
      },
    );
  }

  return (
    <form className="accounts-panel" noValidate onSubmit={(event) => void submit(event)}>
      <p className="strong">{t(enable ? 'accounts.ui.actions.enableTitle' : 'accounts.ui.actions.resetTitle', { name: account.name })}</p>
      <p className="muted">{t(enable ? 'accounts.ui.actions.enableExplanation' : 'accounts.ui.actions.resetExplanation')}</p>
      <TemporaryPassword
        id={`password-${account.id}`}
        value={password}
        onChange={setPassword}
        error={newPasswordError(t, fields.password, sent, password)}
      />
      <ErrorAlert messageKey={error} />
      <div className="form-buttons">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t(enable ? 'accounts.ui.actions.enableConfirm' : 'accounts.ui.actions.resetConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('accounts.ui.cancel')}
        </button>
      </div>
    </form>
  );
}

function DisablePanel({ account, onCancel, onDone }: { account: AccountSummary; onCancel(): void; onDone(): void }) {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const { busy, error, send } = useSubmission();

  async function disable() {
    await send(
      true,
      () => call('accounts.disable', { id: account.id }),
      () => {
        showNotice('accounts.ui.actions.disabled');
        onDone();
      },
    );
  }

  return (
    <div className="accounts-panel">
      <p className="strong">{t('accounts.ui.actions.disableTitle', { name: account.name })}</p>
      <p className="muted">{t('accounts.ui.actions.disableExplanation')}</p>
      <ErrorAlert messageKey={error} />
      <div className="form-buttons">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void disable()}>
          {t('accounts.ui.actions.disableConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('accounts.ui.cancel')}
        </button>
      </div>
    </div>
  );
}

/** How long the app waits without input before it locks itself (the association's setting). */
function IdleLockSettings() {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const maySet = useMay('accounts.setIdleLock');
  const current = useSession((store) => store.state?.idleLockMinutes ?? null);
  const [minutes, setMinutes] = useState(current === null ? '' : String(current));
  const { busy, error, fields, send } = useSubmission();
  if (!maySet) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await send(
      true,
      () => call('accounts.setIdleLock', { minutes: Number(minutes) }),
      ({ idleLockMinutes }) => {
        const state = useSession.getState().state;
        if (state) useSession.getState().apply({ ...state, idleLockMinutes });
        showNotice('accounts.ui.saved');
      },
    );
  }

  return (
    <section className="card settings-card" aria-labelledby="idle-lock-title">
      <h2 id="idle-lock-title">{t('accounts.ui.idle.title')}</h2>
      <form className="accounts-idle" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="idle-lock-minutes" label={t('accounts.ui.idle.minutes')} hint={t('accounts.ui.idle.hint')} error={fields.minutes ? t(fields.minutes) : undefined}>
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={240} value={minutes} onChange={(event) => setMinutes(event.target.value)} />}
        </Field>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('accounts.ui.save')}
        </button>
      </form>
      <ErrorAlert messageKey={error} />
    </section>
  );
}
