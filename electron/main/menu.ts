import { Menu, type MenuItemConstructorOptions, app } from 'electron';

/**
 * The packaged app's menu: Electron's default one offers "Toggle Developer Tools" and "Reload",
 * which let anyone at the laptop read the page's memory or lose a form. It keeps the Edit menu,
 * whose roles carry copy, cut, paste, undo and select-all (and their shortcuts), the window
 * roles, and quitting. In development the default menu, with its developer tools, stays.
 */
export function productionMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
}

export function installApplicationMenu(): void {
  if (!app.isPackaged) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(productionMenuTemplate(process.platform)));
}
