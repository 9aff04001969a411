import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { InputOf, MethodName, OutputOf } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { IMPORT_MAX_BYTES, type ImportItemLabel } from '../../shared/exchange';
import { resources } from '../../shared/i18n';
import { type Backend, type BackendOptions, openBackend } from '../api/backend';
import { PRIVATE_FILE_MODE } from '../core/private-files';
import { EnvelopeError, unpackEnvelope } from '../formats/envelope';
import { envelopeErrorKey } from '../services/exchange/import';
import { SignatureError, keyIdHex, parsePublicKey, verifyDetached } from '../formats/minisign';
import { askHidden, line, printable, printableJson } from './terminal';

const USAGE = `Tremplin from the command line, on a data folder (the same services as the app).

  npm run cli -- <command> --data-dir DIR --account NAME [options]

  backup                          take an encrypted backup now
  restore --backup NAME --recovery-key-file FILE [--yes]
                                  show what the backup holds; with --yes, restore it
  export --card CARD_ID | --passphrase-for PARTNER_ID
         (--candidates ID,ID… | --shared) --out FILE [--no-notes] [--no-barriers]
  import FILE [--passphrase WORDS] [--dry-run] [--take-theirs ID,ID…]
                                  print the preview; without --dry-run, import
  verify FILE --public-key RW…    check a file's signature (no key needed to decrypt)

  Every command but verify signs in as the account NAME, whose password is read from
  TREMPLIN_PASSWORD (for scheduled backups), else asked.
  The keys' passphrase, when they are protected by one, is read from TREMPLIN_KEY_PASSPHRASE.
  Add --json for output that tools read.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string' },
    account: { type: 'string' },
    backup: { type: 'string' },
    'recovery-key-file': { type: 'string' },
    yes: { type: 'boolean', default: false },
    card: { type: 'string' },
    'passphrase-for': { type: 'string' },
    candidates: { type: 'string' },
    shared: { type: 'boolean', default: false },
    out: { type: 'string' },
    'no-notes': { type: 'boolean', default: false },
    'no-barriers': { type: 'boolean', default: false },
    passphrase: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'take-theirs': { type: 'string' },
    'public-key': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const french = resources.fr.translation as Record<string, unknown>;

/** A message key in French (the association's language), for people reading the terminal. */
function say(key: string, values: Record<string, string | number> = {}): string {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], french);
  return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(values[name] ?? whole)) : key;
}

/** A preview line's record, named as the window names it. */
function labelText(label: ImportItemLabel): string {
  switch (label.type) {
    case 'name':
      return label.name;
    case 'sector':
      return label.name ?? (label.seedKey ? say(`sectors.values.${label.seedKey}`) : '');
    case 'timelineEvent':
      return `${say(`timeline.values.kinds.${label.kind}`)} ${label.occurredOn}`;
  }
}

class CliError extends Error {}

async function call<M extends MethodName>(backend: Backend, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = (await backend.dispatch(method, input)) as ApiResult<OutputOf<M>>;
  if (!result.ok) {
    const fields = Object.entries(result.error.fields ?? {}).map(([field, key]) => line`  ${field}: ${say(key)}`);
    throw new CliError([say(result.error.message, result.error.values), ...fields].join('\n'));
  }
  return result.value;
}

function print(human: string, data: unknown): void {
  console.log(values.json ? printableJson(data) : human);
}

function required(name: keyof typeof values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`--${name} is required.\n\n${USAGE}`);
  return value;
}

/**
 * An export file's bytes, its size checked before any is read (as the app does): a file over
 * the cap is refused with the app's message, not read whole into memory.
 */
function readExportFile(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new CliError(line`${file}: ${error instanceof Error ? error.message : error}`);
  }
  if (size > IMPORT_MAX_BYTES) throw new CliError(line`${file}: ${say('exchange.errors.tooLarge')}`);
  return readFileSync(file);
}

async function unlockIfNeeded(backend: Backend): Promise<void> {
  const status = await call(backend, 'exchange.status', {});
  if (status.keys && !status.keys.unlocked) {
    const passphrase = process.env.TREMPLIN_KEY_PASSPHRASE;
    if (!passphrase) throw new CliError(say('exchange.errors.locked'));
    await call(backend, 'exchange.unlock', { passphrase });
  }
}

/** Commands on a data folder. */
const commands: Record<string, (backend: Backend) => Promise<void>> = {
  async backup(backend) {
    const taken = await call(backend, 'backups.backupNow', {});
    print(line`Backup written: ${taken.name} (${taken.bytes} bytes)`, taken);
  },

  async restore(backend) {
    const input = { name: required('backup'), recoveryKey: readFileSync(required('recovery-key-file'), 'utf8') };
    const contents = await call(backend, values.yes ? 'backups.restore' : 'backups.previewRestore', input);
    const counts = Object.entries(contents.counts).map(([table, count]) => line`  ${table}: ${count}`);
    print([values.yes ? 'Restored:' : 'The backup holds (restore with --yes):', line`  taken at ${contents.takenAt}`, ...counts].join('\n'), contents);
  },

  async export(backend) {
    await unlockIfNeeded(backend);
    const to = values.card ? { kind: 'partner' as const, partnerCardId: values.card } : { kind: 'passphrase' as const, partnerId: required('passphrase-for') };
    const scope = values.shared ? { kind: 'sharedWithPartner' as const } : { kind: 'candidates' as const, ids: required('candidates').split(',') };
    const result = await call(backend, 'exchange.export', { scope, to, includeNotes: !values['no-notes'], includeBarriers: !values['no-barriers'] });
    const out = required('out');
    writeFileSync(out, Buffer.from(result.content, 'base64'), { mode: PRIVATE_FILE_MODE });
    const blocked = result.blocked.map((entry) => line`  not sent: ${entry.name} (${entry.reason})`);
    const passphrase = result.passphrase ? [line`Passphrase (say it by phone, never send it with the file): ${result.passphrase}`] : [];
    print([line`Export ${result.sequence} written to ${out}: ${JSON.stringify(result.counts)}`, ...blocked, ...passphrase].join('\n'), { ...result, content: undefined, out });
  },

  async import(backend) {
    const file = positionals[1];
    if (!file) throw new CliError(`import needs a file.\n\n${USAGE}`);
    if (!values.passphrase) await unlockIfNeeded(backend);
    const preview = await call(backend, 'exchange.openImport', {
      fileName: path.basename(file),
      content: readExportFile(file).toString('base64'),
      ...(values.passphrase ? { passphrase: values.passphrase } : {}),
    });
    const lines = [
      ...(preview.signature === 'verified'
        ? [
            line`From ${preview.sender.name} (verified), export ${preview.sequence} of ${preview.createdAt}`,
            line`Fingerprint: ${preview.sender.fingerprint.words.join(' ')}`,
          ]
        : [line`Unknown sender (unsigned; the file says it comes from ${preview.sender.name}), export ${preview.sequence} of ${preview.createdAt}`]),
      ...preview.warnings.map((warning) => line`Warning: ${say(warning)}`),
      line`New ${preview.counts.new}, updated ${preview.counts.updated}, unchanged ${preview.counts.unchanged}, conflicts ${preview.counts.conflict}, older ${preview.counts.older}`,
      ...preview.items
        .filter((item) => item.state === 'conflict' || item.state === 'older' || item.likelyDuplicates.length > 0)
        .map(
          (item) =>
            line`  ${item.state} ${item.recordType} ${item.id} ${labelText(item.label)}` +
            (item.likelyDuplicates.length ? line` (maybe ${item.likelyDuplicates.map((d) => d.name).join(', ')})` : ''),
        ),
    ];
    if (values['dry-run']) {
      await call(backend, 'exchange.dropImport', { token: preview.token });
      print([...lines, 'Dry run: nothing was written.'].join('\n'), preview);
      return;
    }
    const decisions = Object.fromEntries((values['take-theirs']?.split(',') ?? []).filter(Boolean).map((id) => [id, 'take_theirs' as const]));
    const result = await call(backend, 'exchange.applyImport', { token: preview.token, decisions });
    print([...lines, line`Imported: ${result.written} written, ${result.skipped} left as they were (backup ${result.backup}).`].join('\n'), result);
  },
};

/** Needs no data folder: only the file and the sender's public key. */
async function verify(): Promise<void> {
    const file = positionals[1];
    if (!file) throw new CliError(`verify needs a file.\n\n${USAGE}`);
    const key = parsePublicKey(required('public-key'));
    let envelope: ReturnType<typeof unpackEnvelope>;
    try {
      envelope = unpackEnvelope(readExportFile(file), IMPORT_MAX_BYTES);
    } catch (error) {
      if (error instanceof EnvelopeError) throw new CliError(say(envelopeErrorKey(error)));
      throw error;
    }
    if (envelope.signature === null) throw new CliError(say('exchange.errors.unsigned'));
    let trustedComment: string;
    try {
      ({ trustedComment } = verifyDetached(envelope.payload, envelope.signature, key));
    } catch (error) {
      if (error instanceof SignatureError) throw new CliError(say('exchange.errors.badSignature'));
      throw error;
    }
    print(line`Signature verified (key ${keyIdHex(key.keyId)}): ${trustedComment}`, { verified: true, keyId: keyIdHex(key.keyId), trustedComment });
}

/** What the command line may set of the backend's options: the tests' cheaper key derivation. */
export type CliOptions = Pick<BackendOptions, 'keyScryptCost' | 'exportScryptWorkFactor'>;

async function main(options: CliOptions): Promise<number> {
  const command = positionals[0];
  if (command === 'verify' && !values.help) {
    await verify();
    return 0;
  }
  if (values.help || !command || !(command in commands)) {
    console.log(USAGE);
    return command && !values.help ? 2 : 0;
  }
  const dataDir = values['data-dir'] ?? process.env.TREMPLIN_DATA_DIR;
  if (!dataDir) throw new CliError(`--data-dir (or TREMPLIN_DATA_DIR) is required.\n\n${USAGE}`);
  const account = required('account');
  const password = process.env.TREMPLIN_PASSWORD ?? (await askHidden(`Mot de passe de ${printable(account)} : `));
  const backend = await openBackend({ ...options, file: path.join(path.resolve(dataDir), 'tremplin.sqlite') });
  try {
    await call(backend, 'session.signIn', { name: account, password });
    await commands[command]?.(backend);
    return 0;
  } finally {
    backend.close();
  }
}

/** Runs the command this process was started with, then exits with its status. */
export function runCli(options: CliOptions = {}): void {
  main(options).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Our own messages are made printable where they quote data; anything else is escaped line by line.
      const text = error instanceof CliError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(error instanceof CliError ? text : text.split('\n').map(printable).join('\n'));
      process.exit(1);
    },
  );
}
