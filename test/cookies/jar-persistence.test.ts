import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cookie } from 'tough-cookie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SalvoCookieJar } from '../../electron/cookies/cookie-jar';
import { CookieJars } from '../../electron/cookies/cookie-jars';
import type { JarOwner } from '../../electron/cookies/cookie-jars';
import { createNodeCipher } from '../../electron/secrets/node-cipher';

const VALUE = 'JaRvAlUe5u7Qx2Lm';
const url = (href: string): URL => new URL(href);
/** A collection without a stable id: its jar is keyed by its folder. */
const byPath = (root: string): JarOwner => ({ root, id: undefined });

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-jar-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function jars(onChange?: (root: string | undefined) => void, userDir = dir): CookieJars {
  return new CookieJars({ dir: join(userDir, 'cookies'), cipher: createNodeCipher(userDir), settleMs: 10, ...(onChange === undefined ? {} : { onChange }) });
}

describe('cookie jars on disk', () => {
  it('round-trips each jar encrypted: one file per collection folder and one default, the value never in plain text', async () => {
    const first = jars();
    await (await first.jarFor(byPath('/work/a'))).store(url('http://api.test/login'), [`sid=${VALUE}; Path=/; HttpOnly`, 'lang=en; Max-Age=3600']);
    await (await first.jarFor(undefined)).store(url('http://other.test/'), ['free=1']);
    await first.close();

    const files = (await readdir(join(dir, 'cookies'))).filter((f) => f.endsWith('.jar')).sort();
    expect(files).toHaveLength(2);
    expect(files).toContain('default.jar');
    for (const f of files) {
      const text = await readFile(join(dir, 'cookies', f), 'utf8');
      expect(text).not.toContain(VALUE);
      expect(text).not.toContain('api.test');
      expect(text).not.toContain(Buffer.from(VALUE).toString('base64'));
    }

    const second = jars();
    const a = await (await second.jarFor(byPath('/work/a'))).list();
    expect(a.map((c) => [c.name, c.value, c.domain, c.httpOnly])).toEqual([
      ['lang', 'en', 'api.test', false],
      ['sid', VALUE, 'api.test', true],
    ]);
    expect(a.find((c) => c.name === 'lang')?.expires).toBeGreaterThan(Date.now());
    expect((await (await second.jarFor(byPath('/work/b'))).list())).toEqual([]);
    expect((await (await second.jarFor(undefined)).list()).map((c) => c.name)).toEqual(['free']);
    // The restored jar sends what it kept.
    expect(await (await second.jarFor(byPath('/work/a'))).cookieHeaderFor(url('http://api.test/me'))).toBe('sid=JaRvAlUe5u7Qx2Lm; lang=en');
    await second.close();
  });

  it('starts empty when the file is damaged or sealed by another key, and overwrites it on the next save', async () => {
    const first = jars();
    await (await first.jarFor(byPath('/r'))).store(url('http://api.test/'), ['a=1']);
    await first.close();
    const [file] = (await readdir(join(dir, 'cookies'))).filter((f) => f !== 'default.jar');
    // Another user-data folder has another key file: its cipher cannot open this jar.
    const otherUser = await mkdtemp(join(tmpdir(), 'salvo-jar-other-'));
    const { cp } = await import('node:fs/promises');
    await cp(join(dir, 'cookies'), join(otherUser, 'cookies'), { recursive: true });
    const foreign = jars(undefined, otherUser);
    expect(await (await foreign.jarFor(byPath('/r'))).list()).toEqual([]);
    await foreign.close();
    await rm(otherUser, { recursive: true, force: true });

    await writeFile(join(dir, 'cookies', file ?? 'x'), '{not json');
    const damaged = jars();
    const jar = await damaged.jarFor(byPath('/r'));
    expect(await jar.list()).toEqual([]);
    await jar.store(url('http://api.test/'), ['b=2']);
    await damaged.close();
    const again = jars();
    expect((await (await again.jarFor(byPath('/r'))).list()).map((c) => c.name)).toEqual(['b']);
    await again.close();
  });

  it('announces a burst of changes once, after it is saved', async () => {
    const seen: Array<string | undefined> = [];
    const all = jars((root) => seen.push(root));
    const jar = await all.jarFor(byPath('/c'));
    for (let i = 0; i < 5; i++) await jar.store(url('http://api.test/'), [`k${i}=v`]);
    for (let waited = 0; seen.length === 0 && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['/c']);
    expect((await readdir(join(dir, 'cookies'))).some((f) => f.endsWith('.jar'))).toBe(true);
    await all.close();
  });
});

describe('jars keyed by the collection id', () => {
  const ID = 'col-3f0c9a51-jar';
  const sealedFiles = async (): Promise<string[]> => (await readdir(join(dir, 'cookies'))).filter((f) => f.endsWith('.jar')).sort();
  const expectSealed = async (): Promise<void> => {
    for (const f of await sealedFiles()) {
      const text = await readFile(join(dir, 'cookies', f), 'utf8');
      expect(text, f).not.toContain(VALUE);
      expect(text, f).not.toContain('api.test');
    }
  };

  it('follows the id, not the folder: a moved folder finds its cookies', async () => {
    const first = jars();
    await (await first.jarFor({ root: '/work/a', id: ID })).store(url('http://api.test/'), [`sid=${VALUE}`]);
    await first.close();
    const moved = jars();
    expect((await (await moved.jarFor({ root: '/elsewhere/a-renamed', id: ID })).list()).map((c) => c.value)).toEqual([VALUE]);
    // Another collection that now sits at the old folder does not get them.
    expect(await (await moved.jarFor({ root: '/work/a', id: 'another-collection-id' })).list()).toEqual([]);
    expect(await (await moved.jarFor(byPath('/work/a'))).list()).toEqual([]);
    await moved.close();
    await expectSealed();
  });

  it('moves a jar kept under the folder path to the id once, still sealed (the file is renamed, not rewritten)', async () => {
    const old = jars();
    await (await old.jarFor(byPath('/work/b'))).store(url('http://api.test/'), [`sid=${VALUE}`]);
    await old.close();
    const [pathFile] = await sealedFiles();
    const sealed = await readFile(join(dir, 'cookies', pathFile ?? ''), 'utf8');

    const next = jars();
    expect((await (await next.jarFor({ root: '/work/b', id: ID })).list()).map((c) => c.value)).toEqual([VALUE]);
    const files = await sealedFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(pathFile);
    expect(await readFile(join(dir, 'cookies', files[0] ?? ''), 'utf8')).toBe(sealed);
    await next.close();
    // Once moved, the folder no longer matters.
    const later = jars();
    expect((await (await later.jarFor({ root: '/moved/b', id: ID })).list()).map((c) => c.value)).toEqual([VALUE]);
    await later.close();
  });

  it('a jar in use when the collection gets its id moves with its unsaved changes', async () => {
    const all = jars();
    const before = await all.jarFor(byPath('/work/c'));
    await before.store(url('http://api.test/'), [`sid=${VALUE}`]);
    // Straight away, before the settle delay saved it.
    const after = await all.jarFor({ root: '/work/c', id: ID });
    expect(after).toBe(before);
    await after.store(url('http://api.test/'), ['more=1']);
    await all.close();
    expect(await sealedFiles()).toHaveLength(1);
    await expectSealed();
    const reopened = jars();
    expect((await (await reopened.jarFor({ root: '/moved/c', id: ID })).list()).map((c) => c.name)).toEqual(['more', 'sid']);
    await reopened.close();
  });

  it('a jar already under the id wins over one still under the path (two clones of one collection)', async () => {
    const first = jars();
    await (await first.jarFor({ root: '/clone-1', id: ID })).store(url('http://api.test/'), ['clone=1']);
    await (await first.jarFor(byPath('/clone-2'))).store(url('http://api.test/'), ['legacy=2']);
    await first.close();
    const next = jars();
    expect((await (await next.jarFor({ root: '/clone-2', id: ID })).list()).map((c) => c.name)).toEqual(['clone']);
    await next.close();
    // The path jar is left as it was, not merged or destroyed.
    expect(await sealedFiles()).toHaveLength(2);
  });
});

describe('one jar', () => {
  it('drops expired cookies when restoring', async () => {
    const expired = new Cookie({ key: 'old', value: '1', domain: 'api.test', path: '/', expires: new Date(Date.now() - 1000), hostOnly: true });
    const live = new Cookie({ key: 'new', value: '1', domain: 'api.test', path: '/', expires: new Date(Date.now() + 60_000), hostOnly: true });
    const jar = new SalvoCookieJar();
    await jar.restore([expired.toJSON(), live.toJSON(), { junk: true }, 'nonsense']);
    expect((await jar.list()).map((c) => c.name)).toEqual(['new']);
  });

  it('reuses a looked-up header until the jar changes or one of its cookies expires', async () => {
    const jar = new SalvoCookieJar();
    const me = url('http://api.test/me?page=1');
    await jar.store(url('http://api.test/login'), ['short=1; Max-Age=1', 'long=2; Max-Age=3600']);
    expect(await jar.cookieHeaderFor(me)).toBe('short=1; long=2');
    // Remembered: the same path answers at once, whatever the query.
    expect(jar.cookieHeaderFor(url('http://api.test/me?page=2'))).toBe('short=1; long=2');
    await jar.store(url('http://api.test/login'), ['more=3']);
    expect(await jar.cookieHeaderFor(me)).toBe('short=1; long=2; more=3');
    await new Promise((r) => setTimeout(r, 1100));
    expect(await jar.cookieHeaderFor(me)).toBe('long=2; more=3');
    await jar.delete({ name: 'more', domain: 'api.test', path: '/' });
    expect(await jar.cookieHeaderFor(me)).toBe('long=2');
  });

  it('keeps at most maxCookies, the most recently used', async () => {
    const jar = new SalvoCookieJar({ maxCookies: 5, maxCookieBytes: 8192 });
    for (let i = 0; i < 8; i++) {
      await jar.store(url('http://api.test/'), [`c${i}=v`]);
      // Distinct access times, so "least recently used" has one answer.
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await jar.list()).map((c) => c.name).sort()).toEqual(['c3', 'c4', 'c5', 'c6', 'c7']);
  });

  it('refuses an oversized Set-Cookie and public-suffix domains', async () => {
    const jar = new SalvoCookieJar();
    await jar.store(url('http://api.example.com/'), [`big=${'x'.repeat(9000)}`, 'wide=1; Domain=com', 'site=1; Domain=example.com']);
    const list = await jar.list();
    expect(list.map((c) => [c.name, c.domain, c.hostOnly])).toEqual([['site', 'example.com', false]]);
    // A domain cookie matches subdomains, a host-only one only its host.
    await jar.store(url('http://api.example.com/'), ['host=1']);
    expect(await jar.cookieHeaderFor(url('http://www.example.com/'))).toBe('site=1');
    expect(await jar.cookieHeaderFor(url('http://api.example.com/'))).toBe('site=1; host=1');
  });

  it('adds, edits, deletes and clears what the user typed', async () => {
    const jar = new SalvoCookieJar();
    const added = await jar.set({ name: 'token', value: 'abc', domain: 'api.test', path: '/v1', secure: false, httpOnly: true, hostOnly: true, sameSite: 'lax' });
    expect(added).toMatchObject({ name: 'token', value: 'abc', domain: 'api.test', path: '/v1', httpOnly: true, hostOnly: true, sameSite: 'lax', expires: undefined });
    expect(await jar.cookieHeaderFor(url('http://api.test/v1/items'))).toBe('token=abc');
    expect(await jar.cookieHeaderFor(url('http://api.test/v2'))).toBeUndefined();

    const expires = Date.now() + 3_600_000;
    const edited = await jar.set({ name: 'token2', value: 'def', domain: 'example.com', path: '/', secure: true, httpOnly: false, hostOnly: false, expires }, { name: 'token', domain: 'api.test', path: '/v1' });
    expect(edited).toMatchObject({ name: 'token2', domain: 'example.com', hostOnly: false, secure: true });
    expect(Math.abs((edited.expires ?? 0) - expires)).toBeLessThan(1000);
    expect((await jar.list()).map((c) => c.name)).toEqual(['token2']);
    // Secure: https only.
    expect(await jar.cookieHeaderFor(url('http://www.example.com/'))).toBeUndefined();
    expect(await jar.cookieHeaderFor(url('https://www.example.com/'))).toBe('token2=def');

    await expect(jar.set({ name: 'x', value: '1', domain: 'co.uk', path: '/', secure: false, httpOnly: false, hostOnly: false })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await expect(jar.set({ name: 'x', value: '1', domain: 'api.test', path: '/', secure: false, httpOnly: false, hostOnly: true, expires: Date.now() - 1 })).rejects.toMatchObject({ info: { kind: 'invalid-input' } });

    expect(await jar.delete({ name: 'token2', domain: 'example.com', path: '/' })).toBe(true);
    expect(await jar.delete({ name: 'token2', domain: 'example.com', path: '/' })).toBe(false);
    await jar.set({ name: 'a', value: '1', domain: 'api.test', path: '/', secure: false, httpOnly: false, hostOnly: true });
    await jar.clear();
    expect(await jar.list()).toEqual([]);
    expect(jar.cookieHeaderFor(url('http://api.test/'))).toBeUndefined();
  });
});
