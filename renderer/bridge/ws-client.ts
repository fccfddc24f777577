import { isEventChannel } from '../../shared/ipc/channels';
import type { EventChannel, EventMap, Result } from '../../shared/ipc/contract';
import type { InvokeFrame, ServerFrame } from '../../shared/ipc/web-bridge';

type Listener = (payload: unknown) => void;

/** The subset of the DOM WebSocket the client uses (tests may pass another implementation). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (ev: { data?: unknown; code?: number; reason?: string }) => void): void;
}

/** Creates a socket for a URL; the browser's WebSocket by default. */
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

function disconnected(message: string): Result<never> {
  return { ok: false, error: { kind: 'io', message } };
}

/**
 * The browser-mode transport: invokes over one WebSocket, answered by id, and pushed events
 * fanned out to listeners. A dropped connection answers every pending call with an `io` error
 * and the next call reconnects, so no promise is left hanging.
 */
export class BridgeClient {
  private socket: SocketLike | undefined;
  private connecting: Promise<SocketLike> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Map<EventChannel, Set<Listener>>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly createSocket: SocketFactory = (u) => new WebSocket(u) as unknown as SocketLike,
  ) {}

  /** Opens the socket (or returns the open one); rejects with a readable message when refused. */
  connect(): Promise<SocketLike> {
    if (this.socket !== undefined && this.socket.readyState === OPEN) return Promise.resolve(this.socket);
    if (this.connecting !== undefined) return this.connecting;
    this.connecting = new Promise<SocketLike>((resolve, reject) => {
      const socket = this.createSocket(this.url);
      let opened = false;
      socket.addEventListener('open', () => {
        opened = true;
        this.socket = socket;
        this.connecting = undefined;
        resolve(socket);
      });
      socket.addEventListener('message', (ev) => this.onMessage(ev.data));
      socket.addEventListener('close', (ev) => {
        this.connecting = undefined;
        if (this.socket === socket) this.socket = undefined;
        // Browsers hide the HTTP status of a refused upgrade; the server's 403 body says why.
        if (!opened) reject(new Error(`could not connect to the Salvo bridge (${ev.code ?? 'closed'}): check the URL and its token`));
        this.failPending('the connection to Salvo closed');
      });
      socket.addEventListener('error', () => {
        /* followed by close, which settles everything */
      });
    });
    return this.connecting;
  }

  /** Sends one invoke; always resolves, with an `io` error when the bridge is unreachable. */
  async invoke(channel: string, payload: unknown): Promise<Result<unknown>> {
    if (this.closed) return disconnected('the bridge is closed');
    let socket: SocketLike;
    try {
      socket = await this.connect();
    } catch (err) {
      return disconnected(err instanceof Error ? err.message : String(err));
    }
    const id = this.nextId++;
    const frame: InvokeFrame = { t: 'invoke', id, channel, payload: payload ?? {} };
    return new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      try {
        socket.send(JSON.stringify(frame));
      } catch (err) {
        this.pending.delete(id);
        resolve(disconnected(`could not send: ${err instanceof Error ? err.message : String(err)}`));
      }
    });
  }

  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
    if (!isEventChannel(channel)) throw new Error(`unknown event channel: ${String(channel)}`);
    let set = this.listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    const wrapped = listener as Listener;
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  }

  /** Closes the socket for good; pending calls resolve with an error. */
  close(): void {
    this.closed = true;
    this.socket?.close(1000, 'closed by client');
    this.failPending('the bridge is closed');
  }

  private failPending(message: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(disconnected(message));
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    if (frame.t === 'result') {
      const resolve = this.pending.get(frame.id);
      if (resolve === undefined) return;
      this.pending.delete(frame.id);
      resolve(frame.result);
      return;
    }
    if (frame.t === 'event' && isEventChannel(frame.channel)) {
      for (const listener of this.listeners.get(frame.channel) ?? []) {
        try {
          listener(frame.payload);
        } catch (err) {
          // One failing listener must not starve the others.
          console.error(`listener for ${frame.channel} failed`, err);
        }
      }
    }
  }
}
