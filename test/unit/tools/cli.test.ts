import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TEST_ADMINISTRATOR, openSignedIn } from '../../support/accounts';
import { candidates } from '../../../electron/db/schema';
import { TEST_SCRYPT_COST } from '../../../electron/formats/protection';
import { printable, printableJson } from '../../../electron/tools/terminal';
import { IMPORT_MAX_BYTES } from '../../../shared/exchange';
import { ok } from '../../support/api';
import { budgetFor } from '../../support/budget';
import { bundleForNode, bundledChildEnv } from '../../support/bundle';
import { useTempDir } from '../../support/temp';

/** The command line's code (`npm run cli -- …`) as one file, bundled once for the file's tests, its key derivation at the tests' cost. */
const CLI = path.resolve('out/test/cli.mjs');

/** Runs the command line as an administrator would. */
function cli(args: string[], env: Record<string, string> = {}): { status: number; output: string } {
  const signIn = args[0] === 'verify' ? [] : ['--account', TEST_ADMINISTRATOR.name];
  try {
    const output = execFileSync(process.execPath, [CLI, ...args, ...signIn], {
      encoding: 'utf8',
      env: bundledChildEnv(CLI, { TREMPLIN_PASSWORD: TEST_ADMINISTRATOR.password, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

/** Each command is a Node process loading the bundled backend: about a second on a quiet machine. A test's budget counts its commands. */
const PER_COMMAND_MS = 20_000;

describe('command line', () => {
  const tempDir = useTempDir();
  beforeAll(() => bundleForNode('test/support/cli-entry.ts', CLI));

  it('backs up, exports with a passphrase, verifies, previews and imports on data folders', async () => {
    const sender = tempDir();
    const receiver = tempDir();
    const a = await openSignedIn({ file: path.join(sender, 'tremplin.sqlite'), keyScryptCost: TEST_SCRYPT_COST });
    await ok(a, 'exchange.saveProfile', { name: 'Tremplin Lyon' });
    await ok(a, 'exchange.createKeys', { passphrase: 'sender long passphrase' });
    const { recoveryKey } = await ok(a, 'backups.setupRecovery', { replace: true });
    const card = JSON.parse((await ok(a, 'exchange.ownCard', {})).content) as { signingPublicKey: string };
    const partner = await ok(a, 'partners.create', { name: 'Forum', kind: 'other' });
    const amina = await ok(a, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', phone: '06 12 34 56 78', consentRecording: true, sharingPartnerIds: [partner.id] });
    a.close();
    const b = await openSignedIn({ file: path.join(receiver, 'tremplin.sqlite') });
    await ok(b, 'backups.setupRecovery', { replace: true });
    await ok(b, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', phone: '06 12 34 56 78' });
    b.close();

    const backup = cli(['backup', '--data-dir', sender, '--json']);
    expect(backup.status, backup.output).toBe(0);
    const backupName = (JSON.parse(backup.output) as { name: string }).name;

    // The database is encrypted: the keys are sealed under its key and open with it, no passphrase asked.
    const out = path.join(sender, 'referral.tremplin');
    const exported = cli(['export', '--data-dir', sender, '--passphrase-for', partner.id, '--candidates', amina.id, '--out', out, '--json']);
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
    // The file's sender is unknown here: its records get ids of their own, and each line names its record.
    expect(dryRun.output).toMatch(/^ {2}new candidate [\w-]+ Amina Diallo \(maybe Amina Diallo\)$/m);
    expect(dryRun.output).toContain('nothing was written');
    const imported = cli(['import', out, '--data-dir', receiver, '--passphrase', passphrase]);
    expect(imported.output).toContain('Imported: 2 written');

    writeFileSync(path.join(sender, 'recovery.txt'), recoveryKey);
    const preview = cli(['restore', '--data-dir', sender, '--backup', backupName, '--recovery-key-file', path.join(sender, 'recovery.txt')]);
    expect(preview.status, preview.output).toBe(0);
    expect(preview.output).toContain('candidates: 1');
  }, budgetFor(7, PER_COMMAND_MS));

  it('prints what comes from data with its control characters escaped, whatever the database holds', async () => {
    const sender = tempDir();
    const receiver = tempDir();
    const hostile = 'Amina\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eevil\nFrom X';
    const a = await openSignedIn({ file: path.join(sender, 'tremplin.sqlite'), keyScryptCost: TEST_SCRYPT_COST });
    await ok(a, 'exchange.saveProfile', { name: 'Tremplin Lyon' });
    await ok(a, 'exchange.createKeys', { passphrase: 'sender long passphrase' });
    const partner = await ok(a, 'partners.create', { name: 'Forum', kind: 'other' });
    const shared = await ok(a, 'candidates.create', { firstName: 'Awa', lastName: 'Diallo', consentRecording: true, sharingPartnerIds: [partner.id] });
    const notShared = await ok(a, 'candidates.create', { firstName: 'Awa', lastName: 'Sow', consentRecording: true });
    // Written below the contract, as an older version or a partner's file may have left them.
    a.database.db.update(candidates).set({ firstName: hostile }).where(eq(candidates.id, notShared.id)).run();
    a.close();
    const b = await openSignedIn({ file: path.join(receiver, 'tremplin.sqlite') });
    b.close();

    const out = path.join(sender, 'referral.tremplin');
    const env = { TREMPLIN_KEY_PASSPHRASE: 'sender long passphrase' };
    const args = ['export', '--data-dir', sender, '--passphrase-for', partner.id, '--candidates', `${shared.id},${notShared.id}`, '--out', out];
    const exported = cli(args, env);
    expect(exported.status, exported.output).toBe(0);
    expect(exported.output).toContain('not sent: Amina\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil\\u000aFrom X Sow');
    const asJson = cli([...args, '--json'], env);
    expect(asJson.output).toContain('\\u009b31m\\u202eevil');
    expect(JSON.parse(asJson.output).blocked[0].name).toBe(`${hostile} Sow`);
    const { passphrase } = JSON.parse(asJson.output) as { passphrase: string };

    const dryRun = cli(['import', out, '--data-dir', receiver, '--passphrase', passphrase, '--dry-run']);
    expect(dryRun.status, dryRun.output).toBe(0);
    // (The sender's name in a file is held to the contract's text rule: a file naming its sender so is refused before anything is printed.)
    // Nothing left for the terminal to obey: each line is already as printable makes it.
    for (const output of [exported.output, asJson.output, dryRun.output]) {
      for (const printed of output.split('\n')) expect(printable(printed)).toBe(printed);
    }
  }, budgetFor(3, PER_COMMAND_MS));

  it('escapes each unsafe character as a \\u escape, and keeps JSON readable as the same data', () => {
    expect(printable('a\u001b[2Jb\tc\u007f\u0085\u2066é')).toBe('a\\u001b[2Jb\\u0009c\\u007f\\u0085\\u2066é');
    const data = { name: 'x\u009by\u2028z\u001b', list: [1] };
    for (const character of ['\u009b', '\u2028', '\u001b']) expect(printableJson(data)).not.toContain(character);
    expect(JSON.parse(printableJson(data))).toEqual(data);
  });

  it('checks an import file\'s size before reading it, and says so in the app\'s words', async () => {
    const receiver = tempDir();
    const b = await openSignedIn({ file: path.join(receiver, 'tremplin.sqlite') });
    b.close();
    // A sparse file: its size is over the cap, yet it takes no room and is never read.
    const big = path.join(receiver, 'big.tremplin');
    writeFileSync(big, '');
    truncateSync(big, IMPORT_MAX_BYTES + 1);
    for (const args of [['import', big, '--data-dir', receiver, '--passphrase', 'x'], ['verify', big, '--public-key', 'RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3']]) {
      const refused = cli(args);
      expect(refused.status, refused.output).toBe(1);
      expect(refused.output).toContain('trop gros');
      expect(refused.output).not.toContain('    at ');
    }
  }, budgetFor(2, PER_COMMAND_MS));
});
