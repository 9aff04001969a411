import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/api/backend';
import { backoffAfter } from '../../../electron/api/session';
import { KEYRING_FILE } from '../../../electron/db/keyring';
import { generateAgeKey } from '../../../electron/formats/age';
import { TEST_KEYRING_SCRYPT, parseKeyring } from '../../../electron/formats/keyring';
import type { ApiResult } from '../../../shared/errors';
import { TEST_ADMINISTRATOR } from '../../support/accounts';
import { contentHash, expectTranslated, ok } from '../../support/api';
import { useTempDir } from '../../support/temp';

/** Time the test moves by hand (idle lock, backoff). */
function manualClock() {
  let elapsed = 0;
  return { elapsed: () => elapsed, advance: (ms: number) => (elapsed += ms) };
}

const VOLUNTEER = { name: 'Karim Benali', password: 'mot de passe de Karim' };

describe('the session', () => {
  const tempDir = useTempDir();
  const opened: Backend[] = [];
  const open = async (folder = tempDir(), clock = manualClock()) => {
    const backend = await openBackend({ file: path.join(folder, 'tremplin.sqlite'), accountScryptCost: TEST_KEYRING_SCRYPT, elapsed: clock.elapsed, logger: { error: () => {} } });
    opened.push(backend);
    return { backend, folder, clock };
  };
  const closeAll = () => {
    for (const backend of opened.splice(0)) backend.close();
  };

  async function expectRefused(backend: Backend, method: string, input: unknown, code: string, message?: string) {
    const result = (await backend.dispatch(method, input)) as ApiResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code, ...(message ? { message } : {}) } });
    if (message) expectTranslated(message);
    return result;
  }

  it('before setup, only the public methods answer, and the database file is not even created', async () => {
    const { backend, folder } = await open();
    expect(await ok(backend, 'session.status', {})).toEqual({ setupNeeded: true, signedIn: null, locked: false, recentAccounts: [], idleLockMinutes: 10 });
    await expectRefused(backend, 'candidates.list', {}, 'signed_out', 'errors.signed_out');
    await expectRefused(backend, 'accounts.list', {}, 'signed_out');
    await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'conflict', 'accounts.errors.setupNeeded');
    expect(existsSync(path.join(folder, 'tremplin.sqlite'))).toBe(false);
    closeAll();
  });

  it('sets up the first administrator with a recovery key, and signs in, out and in again', async () => {
    const { backend, folder } = await open();
    const { session, recoveryKey } = await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    expect(recoveryKey).toMatch(/^AGE-SECRET-KEY-1/);
    expect(session).toMatchObject({ setupNeeded: false, locked: false, signedIn: { name: TEST_ADMINISTRATOR.name, role: 'administrator', volunteerId: null } });
    expect(session.recentAccounts.map((account) => account.name)).toEqual([TEST_ADMINISTRATOR.name]);
    // The keyring: owner-only, no password or key in clear.
    const keyringFile = path.join(folder, KEYRING_FILE);
    if (process.platform !== 'win32') expect(statSync(keyringFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyringFile, 'utf8')).not.toContain(TEST_ADMINISTRATOR.password);
    await expectRefused(backend, 'session.setup', TEST_ADMINISTRATOR, 'conflict', 'accounts.errors.alreadySetUp');
    expect(await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' })).toMatchObject({ firstName: 'Amina' });

    const out = await ok(backend, 'session.signOut', {});
    expect(out).toMatchObject({ signedIn: null, locked: false });
    expect(() => backend.database).toThrow();
    await expectRefused(backend, 'candidates.list', {}, 'signed_out');

    const back = await ok(backend, 'session.signIn', { name: 'claire MARTIN', password: TEST_ADMINISTRATOR.password });
    expect(back.signedIn?.name).toBe(TEST_ADMINISTRATOR.name);
    expect((await ok(backend, 'candidates.list', {})).total).toBe(1);
    const actions = backend.database.sqlite.prepare('SELECT action, actor FROM audit_log ORDER BY at, rowid').all();
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'session.setup', actor: TEST_ADMINISTRATOR.name },
        { action: 'session.signIn', actor: TEST_ADMINISTRATOR.name },
        { action: 'session.signOut', actor: TEST_ADMINISTRATOR.name },
      ]),
    );
    closeAll();

    // A new start of the app: the keyring tells the screen who signed in lately.
    const again = await open(folder);
    expect(await ok(again.backend, 'session.status', {})).toMatchObject({ setupNeeded: false, locked: false, signedIn: null, recentAccounts: [{ name: TEST_ADMINISTRATOR.name }] });
    await ok(again.backend, 'session.signIn', TEST_ADMINISTRATOR);
    expect((await ok(again.backend, 'candidates.list', {})).total).toBe(1);
    closeAll();
  });

  it('a wrong password, an unknown name, a disabled account: refused, logged, nothing opened or written', async () => {
    const { backend, folder } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    const volunteer = await ok(backend, 'volunteers.create', { firstName: 'Karim', lastName: 'Benali' });
    const karim = await ok(backend, 'accounts.create', { ...VOLUNTEER, role: 'volunteer', volunteerId: volunteer.id });
    await ok(backend, 'accounts.disable', { id: karim.id });
    await ok(backend, 'session.signOut', {});
    const keyringBefore = readFileSync(path.join(folder, KEYRING_FILE), 'utf8');

    await expectRefused(backend, 'session.signIn', { name: TEST_ADMINISTRATOR.name, password: 'pas le bon mot de passe' }, 'unauthorized', 'accounts.errors.wrongPassword');
    await expectRefused(backend, 'session.signIn', { name: 'Personne', password: 'pas le bon mot de passe' }, 'unauthorized', 'accounts.errors.wrongPassword');
    await expectRefused(backend, 'session.signIn', VOLUNTEER, 'unauthorized', 'accounts.errors.accountDisabled');
    expect(await ok(backend, 'session.status', {})).toMatchObject({ signedIn: null, locked: false });
    expect(() => backend.database).toThrow();
    expect(readFileSync(path.join(folder, KEYRING_FILE), 'utf8')).toBe(keyringBefore);

    // The failures were kept until the database opened, then logged (without the name typed for no account).
    await ok(backend, 'session.signIn', TEST_ADMINISTRATOR);
    const failed = backend.database.sqlite
      .prepare("SELECT actor, subject_id AS subjectId, details FROM audit_log WHERE action = 'session.signInFailed' ORDER BY rowid")
      .all() as { actor: string | null; subjectId: string; details: string }[];
    expect(failed.map((row) => [row.actor, JSON.parse(row.details).reason])).toEqual([
      [TEST_ADMINISTRATOR.name, 'wrong_password'],
      [null, 'unknown_name'],
      [VOLUNTEER.name, 'disabled'],
    ]);
    expect(JSON.stringify(failed)).not.toContain('Personne');
    closeAll();
  });

  it('slows down failed sign-ins per name, before any key derivation, and says how long to wait', async () => {
    const { backend, clock } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    await ok(backend, 'session.lock', {});
    const wrong = { name: TEST_ADMINISTRATOR.name, password: 'toujours pas le bon' };
    for (let attempt = 1; attempt <= 3; attempt++) await expectRefused(backend, 'session.signIn', wrong, 'unauthorized', 'accounts.errors.wrongPassword');
    // The right password too must wait: the wait comes before the password is even looked at.
    const waiting = await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'unauthorized', 'accounts.errors.tooManyAttempts');
    expect(!waiting.ok && waiting.error.values).toEqual({ seconds: 5 });
    // Another name is not slowed down by these.
    await expectRefused(backend, 'session.signIn', { name: 'Quelqu’un', password: 'autre chose' }, 'unauthorized', 'accounts.errors.wrongPassword');
    clock.advance(5_001);
    await expectRefused(backend, 'session.signIn', wrong, 'unauthorized', 'accounts.errors.wrongPassword');
    const longer = await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'unauthorized', 'accounts.errors.tooManyAttempts');
    expect(!longer.ok && longer.error.values).toEqual({ seconds: 10 });
    clock.advance(10_001);
    await ok(backend, 'session.signIn', TEST_ADMINISTRATOR);
    // A success starts the count again.
    await ok(backend, 'session.lock', {});
    await expectRefused(backend, 'session.signIn', wrong, 'unauthorized', 'accounts.errors.wrongPassword');
    await ok(backend, 'session.signIn', TEST_ADMINISTRATOR);
    expect([0, 1, 2, 3, 4, 5, 20].map(backoffAfter)).toEqual([0, 0, 0, 5_000, 10_000, 20_000, 15 * 60_000]);
    closeAll();
  });

  it('locks on demand and after the idle time, keeping the database open but nothing answered', async () => {
    const { backend, clock } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    expect(await ok(backend, 'accounts.setIdleLock', { minutes: 5 })).toEqual({ idleLockMinutes: 5 });
    const locked = await ok(backend, 'session.lock', {});
    expect(locked).toMatchObject({ signedIn: null, locked: true, idleLockMinutes: 5 });
    expect(backend.database).toBeDefined();
    await expectRefused(backend, 'candidates.list', {}, 'signed_out');
    await expectRefused(backend, 'session.lock', {}, 'signed_out');
    await ok(backend, 'session.signIn', TEST_ADMINISTRATOR);

    clock.advance(4 * 60_000);
    await ok(backend, 'candidates.list', {});
    clock.advance(4 * 60_000);
    await ok(backend, 'candidates.list', {});
    // The sign-in screen's own calls are nobody at the keyboard.
    clock.advance(3 * 60_000);
    await ok(backend, 'session.status', {});
    clock.advance(2 * 60_000 + 1);
    await expectRefused(backend, 'candidates.list', {}, 'signed_out');
    expect(await ok(backend, 'session.status', {})).toMatchObject({ locked: true, signedIn: null });
    closeAll();
  });

  it('accounts: created, listed, reset, disabled and enabled again; a disabled copy opens nothing', async () => {
    const { backend, folder } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    const volunteer = await ok(backend, 'volunteers.create', { firstName: 'Karim', lastName: 'Benali' });
    const karim = await ok(backend, 'accounts.create', { ...VOLUNTEER, role: 'volunteer', volunteerId: volunteer.id });
    expect(karim).toMatchObject({ name: VOLUNTEER.name, role: 'volunteer', volunteerId: volunteer.id, disabledAt: null });

    const hash = contentHash(backend);
    await expectRefused(backend, 'accounts.create', { ...VOLUNTEER, name: 'KARIM benali', role: 'staff' }, 'validation');
    await expectRefused(backend, 'accounts.create', { name: 'Léa', password: 'un mot de passe', role: 'volunteer' }, 'validation');
    await expectRefused(backend, 'accounts.create', { name: 'Léa', password: 'un mot de passe', role: 'staff', volunteerId: volunteer.id }, 'validation');
    await expectRefused(backend, 'accounts.create', { name: 'Léa', password: 'court', role: 'staff' }, 'validation');
    const admin = (await ok(backend, 'accounts.list', {})).find((account) => account.role === 'administrator');
    await expectRefused(backend, 'accounts.disable', { id: admin?.id }, 'validation', 'accounts.errors.disableSelf');
    await expectRefused(backend, 'accounts.update', { id: admin?.id, role: 'staff' }, 'validation', 'accounts.errors.lastAdministrator');
    expect(contentHash(backend)).toBe(hash);

    await ok(backend, 'accounts.resetPassword', { id: karim.id, password: 'nouveau mot de passe' });
    await ok(backend, 'session.signOut', {});
    await expectRefused(backend, 'session.signIn', VOLUNTEER, 'unauthorized', 'accounts.errors.wrongPassword');
    const signedIn = await ok(backend, 'session.signIn', { name: VOLUNTEER.name, password: 'nouveau mot de passe' });
    expect(signedIn.signedIn).toMatchObject({ role: 'volunteer', volunteerId: volunteer.id });
    await expectRefused(backend, 'accounts.list', {}, 'forbidden');
    await ok(backend, 'session.signOut', {});

    await ok(backend, 'session.signIn', TEST_ADMINISTRATOR);
    const keyringBefore = parseKeyring(readFileSync(path.join(folder, KEYRING_FILE)));
    await ok(backend, 'accounts.disable', { id: karim.id });
    const keyringAfter = parseKeyring(readFileSync(path.join(folder, KEYRING_FILE)));
    expect(keyringAfter.accounts.find((entry) => entry.accountId === karim.id)?.wrapped).toBeNull();
    // Only that account's copy changed.
    const others = (keyring: typeof keyringBefore) => keyring.accounts.filter((entry) => entry.accountId !== karim.id);
    expect(others(keyringAfter)).toEqual(others(keyringBefore));
    expect((await ok(backend, 'session.status', {})).recentAccounts.map((account) => account.name)).toEqual([TEST_ADMINISTRATOR.name]);
    expect((await ok(backend, 'accounts.list', { includeDisabled: false })).map((account) => account.name)).toEqual([TEST_ADMINISTRATOR.name]);

    await ok(backend, 'accounts.enable', { id: karim.id, password: 'encore un autre mot' });
    await ok(backend, 'session.signOut', {});
    await expectRefused(backend, 'session.signIn', { name: VOLUNTEER.name, password: 'nouveau mot de passe' }, 'unauthorized');
    await ok(backend, 'session.signIn', { name: VOLUNTEER.name, password: 'encore un autre mot' });
    closeAll();
  });

  it('changes one’s own password, rewrapping only that copy, after checking the current one', async () => {
    const { backend, folder } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    await ok(backend, 'accounts.create', { name: 'Sophie Leroy', password: 'mot de passe de Sophie', role: 'staff' });
    const before = parseKeyring(readFileSync(path.join(folder, KEYRING_FILE)));
    const hash = contentHash(backend);
    await expectRefused(backend, 'accounts.changePassword', { currentPassword: 'pas celui-là', newPassword: 'un tout nouveau mot' }, 'validation');
    expect(contentHash(backend)).toBe(hash);
    await ok(backend, 'accounts.changePassword', { currentPassword: TEST_ADMINISTRATOR.password, newPassword: 'un tout nouveau mot' });
    const after = parseKeyring(readFileSync(path.join(folder, KEYRING_FILE)));
    const sophie = (keyring: typeof before) => keyring.accounts.find((entry) => entry.name === 'Sophie Leroy');
    expect(sophie(after)).toEqual(sophie(before));
    expect(after.recovery).toBe(before.recovery);
    await ok(backend, 'session.signOut', {});
    await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'unauthorized');
    await ok(backend, 'session.signIn', { name: TEST_ADMINISTRATOR.name, password: 'un tout nouveau mot' });
    closeAll();
  });

  it('the recovery sheet sets a new administrator password, and only an administrator’s', async () => {
    const { backend } = await open();
    const { recoveryKey } = await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    await ok(backend, 'accounts.create', { name: 'Sophie Leroy', password: 'mot de passe de Sophie', role: 'staff' });
    await ok(backend, 'session.signOut', {});
    const wrongKey = (await generateAgeKey()).identity;
    await expectRefused(backend, 'session.recover', { name: TEST_ADMINISTRATOR.name, recoveryKey: wrongKey, newPassword: 'mot de passe retrouvé' }, 'unauthorized', 'accounts.errors.wrongRecoveryKey');
    const notAdministrator = await expectRefused(backend, 'session.recover', { name: 'Sophie Leroy', recoveryKey, newPassword: 'mot de passe retrouvé' }, 'validation');
    expect(!notAdministrator.ok && notAdministrator.error.fields).toEqual({ name: 'accounts.errors.recoverAdministratorOnly' });
    expect(() => backend.database).toThrow();
    const recovered = await ok(backend, 'session.recover', { name: TEST_ADMINISTRATOR.name, recoveryKey: ` ${recoveryKey?.toLowerCase()} `, newPassword: 'mot de passe retrouvé' });
    expect(recovered.signedIn?.role).toBe('administrator');
    await ok(backend, 'session.signOut', {});
    await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'unauthorized');
    await ok(backend, 'session.signIn', { name: TEST_ADMINISTRATOR.name, password: 'mot de passe retrouvé' });
    await ok(backend, 'session.signOut', {});
    await ok(backend, 'session.signIn', { name: 'Sophie Leroy', password: 'mot de passe de Sophie' });
    closeAll();
  });

  it('a new recovery key made in the backups’ settings opens the keyring from then on, the old one no more', async () => {
    const { backend } = await open();
    const { recoveryKey: first } = await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    const { recoveryKey: second } = await ok(backend, 'backups.setupRecovery', { replace: true });
    await ok(backend, 'session.signOut', {});
    const recover = (recoveryKey: string | null) => ({ name: TEST_ADMINISTRATOR.name, recoveryKey: recoveryKey ?? '', newPassword: 'mot de passe retrouvé' });
    await expectRefused(backend, 'session.recover', recover(first), 'unauthorized', 'accounts.errors.wrongRecoveryKey');
    expect((await ok(backend, 'session.recover', recover(second))).signedIn?.name).toBe(TEST_ADMINISTRATOR.name);
    closeAll();
  });

  it('a setup on a file this keyring does not open (its keyring lost) refuses, and leaves the file and the folder as they were', async () => {
    const { backend, folder } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    await ok(backend, 'session.signOut', {});
    const file = path.join(folder, 'tremplin.sqlite');
    const before = readFileSync(file);
    rmSync(path.join(folder, KEYRING_FILE));
    rmSync(path.join(folder, 'recovery-recipient.txt'));
    await expectRefused(backend, 'session.setup', TEST_ADMINISTRATOR, 'database_corrupt', 'accounts.errors.keyDoesNotOpen');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['backups', 'tremplin.sqlite'].filter((name) => existsSync(path.join(folder, name))).sort());
    expect(() => backend.database).toThrow();
    closeAll();
  });

  it('a tampered keyring: a clear error, nothing opened', async () => {
    const { backend, folder } = await open();
    await ok(backend, 'session.setup', TEST_ADMINISTRATOR);
    await ok(backend, 'session.signOut', {});
    const file = path.join(folder, KEYRING_FILE);
    const keyring = parseKeyring(readFileSync(file));
    const entry = keyring.accounts[0];
    if (!entry?.wrapped) throw new Error('no copy');

    // One bit of the wrapped key changed: GCM cannot tell it from a wrong password.
    const sealed = Buffer.from(entry.wrapped.sealed, 'base64');
    sealed[3] = (sealed[3] ?? 0) ^ 1;
    writeFileSync(file, JSON.stringify({ ...keyring, accounts: [{ ...entry, wrapped: { ...entry.wrapped, sealed: sealed.toString('base64') } }] }));
    await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'unauthorized', 'accounts.errors.wrongPassword');
    // Another account's name put on the copy: bound to its account, it opens nothing.
    writeFileSync(file, JSON.stringify({ ...keyring, accounts: [{ ...entry, name: 'Quelqu’un' }] }));
    await expectRefused(backend, 'session.signIn', { name: 'Quelqu’un', password: TEST_ADMINISTRATOR.password }, 'unauthorized', 'accounts.errors.wrongPassword');
    // Not a keyring at all.
    writeFileSync(file, '{"format":"tremplin-keyring","version":1');
    await expectRefused(backend, 'session.status', {}, 'database_corrupt', 'accounts.errors.keyringDamaged');
    await expectRefused(backend, 'session.signIn', TEST_ADMINISTRATOR, 'database_corrupt', 'accounts.errors.keyringDamaged');
    expect(() => backend.database).toThrow();
    closeAll();
  });
});
