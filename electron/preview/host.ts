import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend } from '../api/backend';
import { asTerminalOperator } from '../api/operator';
import { DatabaseOpenError } from '../db/open';
import { startPreviewHost } from './server';

/** `npm run preview`: the app's UI in a browser, on a real SQLite file, for looking and e2e tests. */
async function main() {
  const dataDir = path.resolve(process.env.TREMPLIN_DATA_DIR ?? path.join(homedir(), '.tremplin', 'preview'));
  const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const port = Number(process.env.TREMPLIN_PORT ?? 0);

  const backend = await openBackend({ file: path.join(dataDir, 'tremplin.sqlite'), session: asTerminalOperator, dailyBackups: true, checkInBackground: true });
  backend.ready.catch(refuse);
  const host = await startPreviewHost({ dispatch: backend.dispatch, rendererDir, port });
  console.log(`Data folder: ${dataDir}`);
  console.log(`Tremplin preview ready: ${host.url}`);

  const stop = async () => {
    await host.close();
    backend.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function refuse(error: unknown): never {
  if (error instanceof DatabaseOpenError) {
    console.error(`Tremplin cannot open its database (${error.code}): ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}

main().catch(refuse);
