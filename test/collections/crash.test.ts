import { spawn } from 'node:child_process';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCollection } from '../../electron/collections/loader';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import { tempDir, testContext } from './helpers';

const DEMO = join(import.meta.dirname, '../../examples/demo');
const CHILD = join(import.meta.dirname, 'crash-child.ts');
const ROUNDS = 8;

function versionOk(description: string | undefined): boolean {
  if (description === undefined) return true; // the original file, before any save
  const m = /^v(\d+) (x*)$/.exec(description);
  return m !== null && (m[2] ?? '').length === (Number(m[1]) * 7919) % 20000;
}

async function tempFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.name.startsWith('.salvo-tmp-')) out.push(e.name);
  return out;
}

/** Runs the child until it is ready, lets it save for `ms`, then kills it with SIGKILL. */
function runAndKill(root: string, userData: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, userData], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited by itself: ${stderr.slice(0, 2000)}`));
    });
  });
}

describe('crash safety', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await cp(DEMO, join(dir, 'demo'), { recursive: true });
  });
  afterEach(() => cleanup());

  it('kill -9 at random points during saves: every file parses to an old or new version; temp files cleaned on open', { timeout: 120_000 }, async () => {
    const root = join(dir, 'demo');
    let sawTemp = false;
    for (let round = 0; round < ROUNDS; round++) {
      await runAndKill(root, join(dir, 'user'), 30 + Math.floor(Math.random() * 400));
      if ((await tempFiles(root)).length > 0) sawTemp = true;
      const loaded = await loadCollection(root);
      expect(loaded.problems, `round ${round}`).toEqual([]);
      expect(loaded.requests.size).toBe(5);
      for (const [path, r] of loaded.requests) expect(versionOk(r.request.description), `${path} round ${round}`).toBe(true);
      const order = loaded.folders.get('users')?.settings.order ?? [];
      expect(order.slice().sort()).toEqual(['create-user.yaml', 'get-user.yaml', 'list-users.yaml']);
    }
    // Opening the collection removes whatever temp files the kills left behind.
    const h = createCollectionHandlers(testContext(join(dir, 'user2'), 'cli').ctx);
    try {
      const tree = await h.handlers['collection:open']({ root });
      expect(tree.problems).toEqual([]);
      expect(await tempFiles(root)).toEqual([]);
    } finally {
      await h.close();
    }
    // The kills landed while saving: files moved on from the original content.
    const after = await loadCollection(root);
    expect([...after.requests.values()].some((r) => r.request.description?.startsWith('v'))).toBe(true);
    if (sawTemp) expect(await tempFiles(root)).toEqual([]);
  });
});
