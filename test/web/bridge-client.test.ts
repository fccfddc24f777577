import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { Emit, InvokeChannel } from '../../shared/ipc/contract';
import { createHandlersForTest } from './test-handlers';
import { createWebServer } from '../../electron/web/web-server';
import type { WebServer } from '../../electron/web/web-server';
import { BridgeClient } from '../../renderer/bridge/ws-client';
import type { SocketLike } from '../../renderer/bridge/ws-client';
import { createBridgeApi } from '../../renderer/bridge/bridge-api';

let dir: string;
let server: WebServer;
let emit: Emit;

const socketFor = (origin: string) => (url: string) => new WebSocket(url, { origin }) as unknown as SocketLike;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-bridge-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html>');
  server = await createWebServer({
    rendererDir: join(dir, 'renderer'),
    createApp: (push) => {
      emit = push;
      return Promise.resolve({ handlers: createHandlersForTest(join(dir, 'user'), push), close: () => Promise.resolve() });
    },
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const bridgeUrl = (token: string): string => `ws://127.0.0.1:${server.port}/bridge?token=${encodeURIComponent(token)}`;

describe('bridge client (renderer side) against the real web server', () => {
  it('exposes exactly the allowlisted channels and round-trips invokes and events', async () => {
    const client = new BridgeClient(bridgeUrl(server.token), socketFor(server.origin));
    const api = createBridgeApi(client);
    try {
      expect(Object.keys(api.invoke).sort()).toEqual((Object.keys(INVOKE_CHANNELS) as InvokeChannel[]).sort());
      expect(Object.isFrozen(api.invoke)).toBe(true);
      expect(await api.invoke['settings:write']({ settings: { zoom: 1.5 } })).toEqual({ ok: true, value: undefined });
      expect(await api.invoke['settings:read']({})).toEqual({ ok: true, value: { zoom: 1.5 } });
      // Concurrent calls are answered by id, whatever order they finish in.
      const many = await Promise.all(Array.from({ length: 20 }, () => api.invoke['app:info']({})));
      expect(many.every((r) => r.ok && r.value.mode === 'web')).toBe(true);

      const seen: string[] = [];
      const off = api.on('http:chunk', (p) => seen.push(p.text));
      emit('http:chunk', { id: 'x', seq: 0, text: 'a', bytes: 1 });
      emit('http:chunk', { id: 'x', seq: 1, text: 'b', bytes: 1 });
      await expect.poll(() => seen.join('')).toBe('ab');
      off();
      emit('http:chunk', { id: 'x', seq: 2, text: 'c', bytes: 1 });
      // A later invoke is answered after the event frame was delivered (same socket, in order).
      await api.invoke['app:info']({});
      expect(seen.join('')).toBe('ab');
      expect(() => api.on('fs:anything' as 'http:chunk', () => undefined)).toThrow(/unknown event channel/);
    } finally {
      client.close();
    }
  });

  it('answers with an io error when refused, instead of hanging', async () => {
    const client = new BridgeClient(bridgeUrl('wrong'), socketFor(server.origin));
    const result = await client.invoke('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'io', message: expect.stringMatching(/could not connect/) } });
    const foreign = new BridgeClient(bridgeUrl(server.token), socketFor('http://evil.example'));
    expect(await foreign.invoke('app:info', {})).toMatchObject({ ok: false, error: { kind: 'io' } });
  });

  it('fails pending calls when the connection drops and reconnects on the next call', async () => {
    const client = new BridgeClient(bridgeUrl(server.token), socketFor(server.origin));
    const socket = await client.connect();
    const slow = client.invoke('app:info', {});
    socket.close();
    const first = await slow;
    // Either answered before the close reached it or failed as io: never left pending.
    expect(first.ok || (!first.ok && first.error.kind === 'io')).toBe(true);
    const again = await client.invoke('app:info', {});
    expect(again.ok).toBe(true);
    client.close();
    expect(await client.invoke('app:info', {})).toMatchObject({ ok: false, error: { kind: 'io', message: 'the bridge is closed' } });
  });
});
