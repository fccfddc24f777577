import { create } from 'zustand';

/** One button of a modal question. */
export interface DialogChoice {
  readonly id: string;
  readonly label: string;
  readonly isDanger?: boolean;
}

/** A modal question; with `input` set it also asks for a text. */
export interface DialogRequest {
  readonly title: string;
  readonly message: string;
  readonly choices: readonly DialogChoice[];
  readonly input?: { readonly label: string; readonly initial: string };
}

/** The answer: the choice id ('cancel' on Escape) and the text typed. */
export interface DialogAnswer {
  readonly choice: string;
  readonly text: string;
}

interface PendingDialog extends DialogRequest {
  readonly resolve: (answer: DialogAnswer) => void;
}

/** The one modal dialog at a time. */
export interface DialogState {
  readonly current: PendingDialog | undefined;
  readonly queue: readonly PendingDialog[];
  answer(answer: DialogAnswer): void;
}

/** The dialog store; use `ask` rather than touching it directly. */
export const useDialogStore = create<DialogState>()((set, get) => ({
  current: undefined,
  queue: [],
  answer: (answer) => {
    const current = get().current;
    if (current === undefined) return;
    const [next, ...queue] = get().queue;
    set({ current: next, queue });
    current.resolve(answer);
  },
}));

/** Asks the user a question in the app's modal dialog. */
export function ask(request: DialogRequest): Promise<DialogAnswer> {
  return new Promise((resolve) => {
    const pending: PendingDialog = { ...request, resolve };
    const s = useDialogStore.getState();
    if (s.current === undefined) useDialogStore.setState({ current: pending });
    else useDialogStore.setState({ queue: [...s.queue, pending] });
  });
}

/** Asks for a name; resolves undefined when cancelled or empty. */
export async function askName(title: string, label: string, initial: string): Promise<string | undefined> {
  const answer = await ask({ title, message: '', input: { label, initial }, choices: [{ id: 'cancel', label: 'Cancel' }, { id: 'ok', label: 'OK' }] });
  const text = answer.text.trim();
  return answer.choice === 'ok' && text !== '' ? text : undefined;
}

/** Resets the store (tests). */
export function resetDialogStore(): void {
  useDialogStore.setState({ current: undefined, queue: [] });
}
