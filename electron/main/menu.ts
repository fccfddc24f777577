import type { MenuItemConstructorOptions } from 'electron';

/** Commands the menu sends to the renderer (through the 'app:menu' event). */
export type MenuCommand = 'open-collection' | 'new-request' | 'save' | 'send' | 'manage-cookies';

/** Options for {@link buildMenuTemplate}. */
export interface MenuOptions {
  readonly isMac: boolean;
  /** Unpackaged run: adds reload and the dev tools toggle. */
  readonly isDev: boolean;
  readonly appName: string;
  readonly onCommand: (command: MenuCommand) => void;
  /** Opens the project page (a fixed https URL) in the system browser. */
  readonly onHelp: () => void;
}

function fileMenu(o: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'File',
    submenu: [
      { label: 'Open Collection…', accelerator: 'CmdOrCtrl+O', click: () => o.onCommand('open-collection') },
      { label: 'New Request', accelerator: 'CmdOrCtrl+N', click: () => o.onCommand('new-request') },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => o.onCommand('save') },
      { label: 'Send Request', accelerator: 'CmdOrCtrl+Enter', click: () => o.onCommand('send') },
      { type: 'separator' },
      { label: 'Manage Cookies…', click: () => o.onCommand('manage-cookies') },
      { type: 'separator' },
      o.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function viewMenu(o: MenuOptions): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] = o.isDev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  return {
    label: 'View',
    submenu: [...dev, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
}

/** The application menu; dev tools appear only in unpackaged (dev) runs. */
export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = o.isMac
    ? [{ label: o.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    fileMenu(o),
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    viewMenu(o),
    { role: 'help', submenu: [{ label: 'Salvo on GitHub', click: () => o.onHelp() }] },
  ];
}
