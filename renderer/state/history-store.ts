import { create } from 'zustand';
import type { HistoryEntry } from '../../shared/ipc/history';

/** The history list shown in the sidebar. */
export interface HistoryState {
  readonly entries: readonly HistoryEntry[];
  readonly query: string;
  readonly isLoading: boolean;
  setEntries(entries: readonly HistoryEntry[]): void;
  setQuery(query: string): void;
  setLoading(isLoading: boolean): void;
  remove(id: string): void;
}

const initial = { entries: [], query: '', isLoading: false };

/** The history store. */
export const useHistoryStore = create<HistoryState>()((set) => ({
  ...initial,
  setEntries: (entries) => set({ entries, isLoading: false }),
  setQuery: (query) => set({ query }),
  setLoading: (isLoading) => set({ isLoading }),
  remove: (id) => set((s) => ({ entries: s.entries.filter((e) => e.id !== id) })),
}));

/** Resets the store (tests). */
export function resetHistoryStore(): void {
  useHistoryStore.setState(initial);
}
