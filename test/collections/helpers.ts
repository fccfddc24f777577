import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMap, EventChannel } from '../../shared/ipc/contract';
import type { AppContext } from '../../electron/handlers/context';
import type { Engine } from '../../electron/engine/types';
import { EncryptedFileSecretStore } from '../../electron/secrets/encrypted-file-store';
import { createNodeCipher } from '../../electron/secrets/node-cipher';

/** A fresh temp folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'salvo-col-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Collection handlers never send requests; an engine that refuses proves it. */
const noEngine: Engine = {
  send: () => Promise.reject(new Error('the collection handlers must not send requests')),
  cancel: () => false,
  inFlight: () => 0,
  close: () => Promise.resolve(),
};

/** An AppContext for handler tests: real encrypted secret store in `userDataDir`, events recorded. */
export function testContext(userDataDir: string, mode: AppContext['mode'] = 'test'): { ctx: AppContext; events: Array<{ channel: EventChannel; payload: EventMap[EventChannel] }> } {
  const events: Array<{ channel: EventChannel; payload: EventMap[EventChannel] }> = [];
  const ctx: AppContext = {
    engine: noEngine,
    emit: (channel, payload) => {
      events.push({ channel, payload });
    },
    userDataDir,
    secrets: new EncryptedFileSecretStore(userDataDir, createNodeCipher(userDataDir)),
    mode,
  };
  return { ctx, events };
}

/** Polls `check` every 20 ms until it returns true or `timeoutMs` passes (bounded). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}
