import type { Emit, EventChannel } from '../../shared/ipc/contract';
import { isEventChannel } from '../../shared/ipc/channels';

/** The parts of a WebContents used to push events. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * An Emit that pushes allowlisted events to the current window; with no live window the event is
 * dropped (results are also kept in main, so nothing is lost for good).
 */
export function createEventSender(target: () => EventTarget | undefined): Emit {
  return <E extends EventChannel>(channel: E, payload: unknown) => {
    if (!isEventChannel(channel)) return;
    const wc = target();
    if (!wc || wc.isDestroyed()) return;
    try {
      wc.send(channel, payload);
    } catch {
      // A window torn down between the check and the send must not break the emitting handler.
    }
  };
}
