import { create } from 'zustand';

/** Colour scheme choice; 'system' follows the OS. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** UI settings persisted through `settings:read` / `settings:write`. */
export interface UiSettings {
  readonly theme: ThemeChoice;
  /** Sidebar width in px. */
  readonly sidebarWidth: number;
  /** Response panel share of the editor+response area, 0.2..0.8. */
  readonly responseRatio: number;
  /** Collection folders open at last exit. */
  readonly openCollections: readonly string[];
  /** Saved requests open at last exit, by collection root and path. */
  readonly openTabs: ReadonlyArray<{ readonly root: string; readonly path: string }>;
}

/** Settings plus whether they were loaded yet (writes wait for the first load so defaults never overwrite). */
export interface SettingsState extends UiSettings {
  readonly isLoaded: boolean;
  load(raw: Record<string, unknown>): void;
  update(patch: Partial<UiSettings>): void;
}

/** Defaults used before (or instead of) persisted settings. */
export const DEFAULT_SETTINGS: UiSettings = { theme: 'system', sidebarWidth: 280, responseRatio: 0.5, openCollections: [], openTabs: [] };

function clamp(n: unknown, min: number, max: number, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Validates persisted settings field by field: a bad field falls back to its default, the rest is kept. */
export function parseSettings(raw: Record<string, unknown>): UiSettings {
  const theme = raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system' ? raw.theme : DEFAULT_SETTINGS.theme;
  const openCollections = Array.isArray(raw.openCollections) ? raw.openCollections.filter((r): r is string => typeof r === 'string') : [];
  const openTabs = Array.isArray(raw.openTabs)
    ? raw.openTabs.filter((t): t is { root: string; path: string } => typeof t === 'object' && t !== null && typeof (t as { root?: unknown }).root === 'string' && typeof (t as { path?: unknown }).path === 'string')
    : [];
  return {
    theme,
    sidebarWidth: clamp(raw.sidebarWidth, 180, 640, DEFAULT_SETTINGS.sidebarWidth),
    responseRatio: clamp(raw.responseRatio, 0.2, 0.8, DEFAULT_SETTINGS.responseRatio),
    openCollections,
    openTabs: openTabs.map((t) => ({ root: t.root, path: t.path })),
  };
}

/** The settings store. */
export const useSettingsStore = create<SettingsState>()((set) => ({
  ...DEFAULT_SETTINGS,
  isLoaded: false,
  load: (raw) => set({ ...parseSettings(raw), isLoaded: true }),
  update: (patch) => set(patch),
}));

/** Resets the store (tests). */
export function resetSettingsStore(): void {
  useSettingsStore.setState({ ...DEFAULT_SETTINGS, isLoaded: false });
}

/** The persisted part of the state. */
export function persistedSettings(s: SettingsState): UiSettings {
  return { theme: s.theme, sidebarWidth: s.sidebarWidth, responseRatio: s.responseRatio, openCollections: s.openCollections, openTabs: s.openTabs };
}
