import type { WebSocket } from 'ws';
import type { Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import type { ResultFrame } from '../../shared/ipc/web-bridge';

/** Largest inbound frame accepted (imports may carry 64 MB of text). */
export const MAX_FRAME_BYTES = 80 * 1024 * 1024;

interface ParsedInvoke {
  readonly id: number;
  readonly channel: unknown;
  readonly payload: unknown;
}

function parseInvoke(text: string): ParsedInvoke | string {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return 'frame is not JSON';
  }
  if (typeof frame !== 'object' || frame === null) return 'frame is not an object';
  const { t, id, channel, payload } = frame as Record<string, unknown>;
  if (t !== 'invoke') return 'unknown frame type';
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return 'frame id must be a non-negative integer';
  return { id, channel, payload };
}

function send(socket: WebSocket, frame: ResultFrame): void {
  let text: string;
  try {
    text = JSON.stringify(frame);
  } catch (err) {
    text = JSON.stringify({ t: 'result', id: frame.id, result: { ok: false, error: { kind: 'internal', message: `result not serialisable: ${err instanceof Error ? err.message : String(err)}` } } } satisfies ResultFrame);
  }
  if (socket.readyState === socket.OPEN) socket.send(text);
}

/**
 * Serves one authenticated client: each text frame is an invoke, validated and run through
 * `dispatch`, answered by id. A malformed frame closes the socket (1008) with the reason.
 */
export function serveBridgeSocket(socket: WebSocket, handlers: Handlers): void {
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'binary frames are not accepted');
      return;
    }
    const parsed = parseInvoke(data.toString());
    if (typeof parsed === 'string') {
      socket.close(1008, parsed);
      return;
    }
    dispatch(handlers, parsed.channel, parsed.payload).then(
      (result) => send(socket, { t: 'result', id: parsed.id, result }),
      // dispatch turns handler errors into data; this only guards against a bug there.
      (err: unknown) => send(socket, { t: 'result', id: parsed.id, result: { ok: false, error: { kind: 'internal', message: String(err) } } }),
    );
  });
  socket.on('error', () => {
    /* a broken client socket is closed by ws; nothing else to clean up */
  });
}
