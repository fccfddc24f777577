import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../electron/main/menu';
import type { MenuCommand } from '../../electron/main/menu';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(isDev: boolean, isMac = false) {
  const commands: MenuCommand[] = [];
  let help = 0;
  const template = buildMenuTemplate({ isMac, isDev, appName: 'Salvo', onCommand: (c) => commands.push(c), onHelp: () => void (help += 1) });
  return { items: flatten(template), template, commands, help: () => help };
}

describe('buildMenuTemplate', () => {
  it('offers dev tools only in dev runs', () => {
    expect(build(false).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build(true).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('has File, Edit, View and Help, plus the app menu on macOS', () => {
    expect(build(false).template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(build(false, true).template[0]?.label).toBe('Salvo');
  });

  it('sends File commands to the renderer', () => {
    const menu = build(false);
    for (const label of ['Open Collection…', 'New Request', 'Save', 'Send Request']) {
      const item = menu.items.find((i) => i.label === label);
      (item?.click as (() => void) | undefined)?.();
    }
    expect(menu.commands).toEqual(['open-collection', 'new-request', 'save', 'send']);
    expect(menu.items.find((i) => i.label === 'Open Collection…')?.accelerator).toBe('CmdOrCtrl+O');
  });

  it('has zoom controls', () => {
    const roles = build(false).items.map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });
});
