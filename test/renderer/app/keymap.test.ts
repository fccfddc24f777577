import { isMacPlatform, shortcutFor } from '../../../renderer/app/keymap';
import { effectiveTheme, nextTheme } from '../../../renderer/app/theme';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keymap', () => {
  it('maps Ctrl shortcuts on Linux/Windows and Cmd on macOS', () => {
    expect(shortcutFor(key('s', { ctrlKey: true }), false)).toBe('save');
    expect(shortcutFor(key('Enter', { ctrlKey: true }), false)).toBe('send');
    expect(shortcutFor(key('N', { ctrlKey: true }), false)).toBe('new-request');
    expect(shortcutFor(key('w', { ctrlKey: true }), false)).toBe('close-tab');
    expect(shortcutFor(key('s', { metaKey: true }), true)).toBe('save');
    expect(shortcutFor(key('s', { ctrlKey: true }), true)).toBeUndefined();
    expect(shortcutFor(key('s', { metaKey: true }), false)).toBeUndefined();
  });

  it('ignores plain keys and extra modifiers', () => {
    expect(shortcutFor(key('s'), false)).toBeUndefined();
    expect(shortcutFor(key('s', { ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(shortcutFor(key('s', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(shortcutFor(key('x', { ctrlKey: true }), false)).toBeUndefined();
  });

  it('detects macOS platforms', () => {
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });
});

describe('theme', () => {
  it('follows the OS when the choice is system, and cycles system → light → dark', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
  });
});
