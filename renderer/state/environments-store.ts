import { create } from 'zustand';

/** One variable visible to a request, as `vars:resolve` reports it (secret values come masked). */
export interface VisibleVariable {
  readonly name: string;
  readonly value: string;
  readonly secret: boolean;
  readonly scope: string;
}

/** Environment names and the active one per collection, plus the variables visible per request context. */
export interface EnvironmentsState {
  readonly names: Readonly<Record<string, readonly string[]>>;
  readonly active: Readonly<Record<string, string | undefined>>;
  /** Keyed by `collectionId|requestPath|environment` (see contextKey). */
  readonly visible: Readonly<Record<string, readonly VisibleVariable[]>>;
  /** The environment open in the editor: `collectionId` + name, or undefined. */
  readonly editing: { readonly collectionId: string; readonly name: string | undefined } | undefined;
  setNames(collectionId: string, names: readonly string[], active: string | undefined): void;
  setActive(collectionId: string, name: string | undefined): void;
  setVisible(key: string, vars: readonly VisibleVariable[]): void;
  /** Forgets resolved variables (an environment or collection changed). */
  invalidate(collectionId: string): void;
  edit(target: EnvironmentsState['editing']): void;
}

const initial = { names: {}, active: {}, visible: {}, editing: undefined };

/** The environments store. */
export const useEnvironmentsStore = create<EnvironmentsState>()((set) => ({
  ...initial,
  setNames: (collectionId, names, active) => set((s) => ({ names: { ...s.names, [collectionId]: names }, active: { ...s.active, [collectionId]: active } })),
  setActive: (collectionId, name) => set((s) => ({ active: { ...s.active, [collectionId]: name } })),
  setVisible: (key, vars) => set((s) => ({ visible: { ...s.visible, [key]: vars } })),
  invalidate: (collectionId) => set((s) => ({ visible: Object.fromEntries(Object.entries(s.visible).filter(([k]) => !k.startsWith(`${collectionId}|`))) })),
  edit: (editing) => set({ editing }),
}));

/** Resets the store (tests). */
export function resetEnvironmentsStore(): void {
  useEnvironmentsStore.setState(initial);
}

/** Cache key for the variables visible to one request context. */
export function contextKey(collectionId: string | undefined, requestPath: string | undefined, environment: string | undefined): string {
  return `${collectionId ?? ''}|${requestPath ?? ''}|${environment ?? ''}`;
}

const NO_NAMES: readonly string[] = [];
const NO_VARS: readonly VisibleVariable[] = [];

/** Selector factory: environment names of a collection (stable empty array). */
export const selectEnvNames =
  (collectionId: string | undefined) =>
  (s: EnvironmentsState): readonly string[] =>
    (collectionId === undefined ? undefined : s.names[collectionId]) ?? NO_NAMES;

/** Selector factory: the active environment of a collection. */
export const selectActiveEnv =
  (collectionId: string | undefined) =>
  (s: EnvironmentsState): string | undefined =>
    collectionId === undefined ? undefined : s.active[collectionId];

/** Selector factory: resolved variables for a context key (stable empty array). */
export const selectVisible =
  (key: string) =>
  (s: EnvironmentsState): readonly VisibleVariable[] =>
    s.visible[key] ?? NO_VARS;
