/** The app-wide shortcuts. */
export type ShortcutAction = 'save' | 'send' | 'new-request' | 'close-tab';

/** The key fields a shortcut depends on (a KeyboardEvent has them all). */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Whether this platform uses Cmd (macOS) rather than Ctrl as the main modifier. */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** Maps a key event to an action: Mod+S save, Mod+Enter send, Mod+N new request, Mod+W close tab. */
export function shortcutFor(e: KeyLike, isMac: boolean): ShortcutAction | undefined {
  const hasMod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!hasMod || e.altKey) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.shiftKey) return undefined;
  switch (key) {
    case 's':
      return 'save';
    case 'Enter':
      return 'send';
    case 'n':
      return 'new-request';
    case 'w':
      return 'close-tab';
    default:
      return undefined;
  }
}

/** Human label of a shortcut for tooltips. */
export function shortcutLabel(action: ShortcutAction, isMac: boolean): string {
  const mod = isMac ? '⌘' : 'Ctrl+';
  switch (action) {
    case 'save':
      return `${mod}S`;
    case 'send':
      return `${mod}Enter`;
    case 'new-request':
      return `${mod}N`;
    case 'close-tab':
      return `${mod}W`;
  }
}
