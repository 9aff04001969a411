import { TEST_SCRYPT_COST } from '../../electron/formats/protection';
import { runCli } from '../../electron/tools/cli-run';

// The command line as `npm run cli` runs it, its keys and passphrase exports derived at the
// tests' cost (test/support/exchange.ts does the same in process): scrypt at the app's cost
// was most of the command line's test time on a loaded machine.
runCli({ keyScryptCost: TEST_SCRYPT_COST, exportScryptWorkFactor: 10 });
