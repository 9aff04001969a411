/**
 * Run by the e2e global setup, bundled: sets a data folder up with its first account, which every
 * preview host of the run then starts from a copy of (see fixtures.ts). The keyring is the app's,
 * its copy wrapped at the tests' scrypt cost, so a host's sign-in is as cheap as in unit tests.
 *
 *   node out/preview/first-account.mjs <data folder>
 */
import path from 'node:path';
import { openBackend } from '../../electron/api/backend';
import { TEST_KEYRING_SCRYPT } from '../../electron/formats/keyring';
import { E2E_ADMINISTRATOR } from './api';

const [dataDir = ''] = process.argv.slice(2);
const backend = await openBackend({ file: path.join(dataDir, 'tremplin.sqlite'), accountScryptCost: TEST_KEYRING_SCRYPT });
const result = await backend.dispatch('session.setup', E2E_ADMINISTRATOR);
backend.close();
if (!result.ok) throw new Error(`session.setup: ${JSON.stringify(result.error)}`);
