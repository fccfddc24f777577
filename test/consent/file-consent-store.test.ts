import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSENT_FILE, FileConsentStore } from '../../electron/consent/file-consent-store';
import { OUTSIDE_COLLECTIONS } from '../../electron/consent/consent-scope';
import type { ConsentScope } from '../../electron/consent/consent-scope';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-consent-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const byRoot: ConsentScope = { kind: 'collection', id: undefined, root: '/work/api' };
const withId: ConsentScope = { kind: 'collection', id: 'col-12345678', root: '/work/api' };
const otherFolderSameId: ConsentScope = { kind: 'collection', id: 'col-12345678', root: '/elsewhere/api' };

it('keeps grants per scope across reopening, writes atomically (no temp left) and fails closed on a damaged file', async () => {
  const userData = join(dir, 'a');
  const store = await FileConsentStore.open(userData);
  await store.grant(byRoot, ['/home/me/a.bin']);
  await store.grant(OUTSIDE_COLLECTIONS, ['/home/me/b.bin']);
  expect(store.allows(byRoot, '/home/me/b.bin')).toBe(false);
  expect(store.allows(OUTSIDE_COLLECTIONS, '/home/me/a.bin')).toBe(false);
  const again = await FileConsentStore.open(userData);
  expect(again.allows(byRoot, '/home/me/a.bin')).toBe(true);
  expect(again.allows(OUTSIDE_COLLECTIONS, '/home/me/b.bin')).toBe(true);
  expect((await readdir(userData)).filter((n) => n.startsWith('.salvo-tmp-'))).toEqual([]);
  await writeFile(join(userData, CONSENT_FILE), '{"version":1,"grants":{"root:/work/api":');
  expect((await FileConsentStore.open(userData)).allows(byRoot, '/home/me/a.bin')).toBe(false);
});

it('a grant made before the collection had an id still holds once it has one (same folder); new grants go under the id', async () => {
  const store = await FileConsentStore.open(join(dir, 'b'));
  await store.grant(byRoot, ['/home/me/a.bin']);
  expect(store.allows(withId, '/home/me/a.bin')).toBe(true);
  expect(store.allows(otherFolderSameId, '/home/me/a.bin')).toBe(false);
  await store.grant(withId, ['/home/me/c.bin']);
  expect(store.allows(otherFolderSameId, '/home/me/c.bin')).toBe(true);
  await store.revoke(withId, ['/home/me/a.bin', '/home/me/c.bin']);
  expect(store.list(withId)).toEqual([]);
});

it('concurrent grants all reach the file', async () => {
  const userData = join(dir, 'c');
  const store = await FileConsentStore.open(userData);
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.grant(OUTSIDE_COLLECTIONS, [`/f/${i}`])));
  expect((await FileConsentStore.open(userData)).list(OUTSIDE_COLLECTIONS)).toHaveLength(20);
});
