import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/api/backend';
import { ok } from '../../support/api';
import { budgetFor } from '../../support/budget';
import { useTempDir } from '../../support/temp';

/** Runs the command line as an administrator would (`npm run cli -- …`). */
function cli(args: string[], env: Record<string, string> = {}): { status: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'electron/tools/cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

/** The commands the test runs; each is a Node process loading the backend through tsx (2–4 s on a quiet machine). */
const COMMANDS = 8;
const PER_COMMAND_MS = 20_000;

describe('command line', () => {
  const tempDir = useTempDir();

  it('backs up, exports with a passphrase, verifies, previews and imports on data folders', async () => {
    const sender = tempDir();
    const receiver = tempDir();
    const a = await openBackend({ file: path.join(sender, 'tremplin.sqlite') });
    await ok(a, 'exchange.saveProfile', { name: 'Tremplin Lyon' });
    await ok(a, 'exchange.createKeys', { passphrase: 'sender long passphrase' });
    const { recoveryKey } = await ok(a, 'backups.setupRecovery', {});
    const card = JSON.parse((await ok(a, 'exchange.ownCard', {})).content) as { signingPublicKey: string };
    const partner = await ok(a, 'partners.create', { name: 'Forum', kind: 'other' });
    const amina = await ok(a, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', consentRecording: true, sharingPartnerIds: [partner.id] });
    a.close();
    const b = await openBackend({ file: path.join(receiver, 'tremplin.sqlite') });
    await ok(b, 'backups.setupRecovery', {});
    b.close();

    const backup = cli(['backup', '--data-dir', sender, '--json']);
    expect(backup.status, backup.output).toBe(0);
    const backupName = (JSON.parse(backup.output) as { name: string }).name;

    const locked = cli(['export', '--data-dir', sender, '--passphrase-for', partner.id, '--candidates', amina.id, '--out', path.join(sender, 'x.tremplin')]);
    expect(locked.status).toBe(1);
    expect(locked.output).toContain('verrouillées');

    const out = path.join(sender, 'referral.tremplin');
    const exported = cli(['export', '--data-dir', sender, '--passphrase-for', partner.id, '--candidates', amina.id, '--out', out, '--json'], {
      TREMPLIN_KEY_PASSPHRASE: 'sender long passphrase',
    });
    expect(exported.status, exported.output).toBe(0);
    if (process.platform !== 'win32') expect((statSync(out).mode & 0o777).toString(8)).toBe('600');
    const { passphrase } = JSON.parse(exported.output) as { passphrase: string };

    expect(cli(['verify', out, '--public-key', card.signingPublicKey]).output).toContain('Signature verified');
    const tampered = readFileSync(out);
    const position = tampered.indexOf('age-encryption.org') + 200;
    tampered[position] = (tampered[position] ?? 0) ^ 1;
    writeFileSync(path.join(sender, 'tampered.tremplin'), tampered);
    const refused = cli(['verify', path.join(sender, 'tampered.tremplin'), '--public-key', card.signingPublicKey]);
    expect(refused.status).toBe(1);

    const dryRun = cli(['import', out, '--data-dir', receiver, '--passphrase', passphrase, '--dry-run']);
    expect(dryRun.status, dryRun.output).toBe(0);
    expect(dryRun.output).toContain('New 2');
    expect(dryRun.output).toContain('nothing was written');
    const imported = cli(['import', out, '--data-dir', receiver, '--passphrase', passphrase]);
    expect(imported.output).toContain('Imported: 2 written');

    writeFileSync(path.join(sender, 'recovery.txt'), recoveryKey);
    const preview = cli(['restore', '--data-dir', sender, '--backup', backupName, '--recovery-key-file', path.join(sender, 'recovery.txt')]);
    expect(preview.status, preview.output).toBe(0);
    expect(preview.output).toContain('candidates: 1');
  }, budgetFor(COMMANDS, PER_COMMAND_MS));
});
