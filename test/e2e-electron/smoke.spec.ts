import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Read from disk: requiring `electron` (or launching without a path) would start a download. */
function installedElectron(): string | undefined {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const executable = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : undefined;
}

const executablePath = installedElectron();
test.skip(executablePath === undefined, 'No Electron binary here: npm ci does not download it and this machine cannot reach GitHub, where it comes from');

test('starts on a fresh data folder and shows the interface from app://', async () => {
  expect(existsSync(path.join(projectRoot, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tremplin-electron-'));
  // Without ELECTRON_RENDERER_URL the app loads its built files, as when packaged.
  const { ELECTRON_RENDERER_URL: _devServer, ...env } = process.env;
  // The project folder, not out/main/index.js: Electron then reads package.json's main and
  // app.getAppPath() is the folder that holds resources/migrations.
  const app = await electron.launch({ executablePath, args: [projectRoot], env: { ...env, TREMPLIN_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading').first()).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/tremplin\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/Tremplin/);
    expect(
      await page.evaluate(() => ({
        node: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { tremplin?: object }).tremplin ?? {}),
      })),
    ).toEqual({ node: 'undefined', bridge: ['invoke'] });
    expect(existsSync(path.join(dataDir, 'tremplin.sqlite'))).toBe(true);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
