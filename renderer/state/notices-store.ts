import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/errors';

/** A transient message shown in the status area. */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'error';
  readonly text: string;
}

/** Toast-like notices (errors from sidebar actions, "copied", "saved"). */
export interface NoticesState {
  readonly notices: readonly Notice[];
  push(tone: Notice['tone'], text: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** The notices store. */
export const useNoticesStore = create<NoticesState>()((set) => ({
  notices: [],
  push: (tone, text) => set((s) => ({ notices: [...s.notices.slice(-4), { id: nextId++, tone, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** Shows an error as `kind: message`. */
export function noticeError(info: ErrorInfo): void {
  useNoticesStore.getState().push('error', `${info.kind}: ${info.message}`);
}
