import { isAllowedSender } from './url-policy';

/** The parts of Electron's WebFrameMain the guard reads (structural, so tests can fake it). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of an IpcMainInvokeEvent the guard reads. */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

/** What a trusted sender must match: our window's webContents and main frame, and the app origin. */
export interface TrustAnchor {
  readonly webContentsId: number;
  readonly mainFrame: Pick<FrameLike, 'processId' | 'routingId'>;
  readonly appOrigin: string;
}

/**
 * True only for the main frame of our own window showing the app's origin: subframes (response
 * previews), other windows and navigated-away pages are refused.
 */
export function isTrustedSender(event: InvokeEventLike, anchor: TrustAnchor | undefined): boolean {
  const frame = event.senderFrame;
  if (!anchor || !frame) return false;
  if (event.sender.id !== anchor.webContentsId) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== anchor.mainFrame.processId || frame.routingId !== anchor.mainFrame.routingId) return false;
  return isAllowedSender(frame.url, anchor.appOrigin);
}
