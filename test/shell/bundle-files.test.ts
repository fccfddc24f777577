import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../electron/fs/static-files';
import { readBundleFile, resolveBundlePath } from '../../electron/main/bundle-files';

describe('resolveBundlePath', () => {
  const root = '/opt/salvo/out/renderer';
  it.each([
    ['salvo://app/', '/opt/salvo/out/renderer/index.html'],
    ['salvo://app/index.html', '/opt/salvo/out/renderer/index.html'],
    ['salvo://app/assets/index-abc.js?v=1#x', '/opt/salvo/out/renderer/assets/index-abc.js'],
    ['salvo://app/assets/my%20font.woff2', '/opt/salvo/out/renderer/assets/my font.woff2'],
  ])('%s -> %s', (url, expected) => {
    expect(resolveBundlePath(root, url)).toBe(expected);
  });

  it.each([
    'salvo://app/../../../etc/passwd',
    'salvo://app/%2e%2e/%2e%2e/etc/passwd',
    'salvo://app/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'salvo://app/..%2f..%2fetc/passwd',
    'salvo://app/assets/..%5c..%5cetc%5cpasswd',
    'salvo://app//etc/passwd',
  ])('never resolves %s outside the root', (url) => {
    const resolved = resolveBundlePath(root, url);
    if (resolved !== undefined) expect(resolved.startsWith(root + '/')).toBe(true);
  });

  it.each([
    'salvo://app/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'salvo://app/..%2f..%2fetc/passwd',
    'salvo://app/assets/..%5c..%5cetc%5cpasswd',
    'salvo://app/%00index.html',
    'salvo://app/C:/Windows/win.ini',
    'salvo://app/%E0%A4%A',
    'salvo://other/index.html',
    'file:///opt/salvo/out/renderer/index.html',
    'https://app/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeUndefined();
  });
});

describe('readBundleFile on a real folder', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'salvo-bundle-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Salvo</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'outside the bundle');
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
    await symlink(base, join(root, 'escape'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves files inside the bundle with their content type', async () => {
    const page = await readBundleFile(root, 'salvo://app/');
    expect(page.status).toBe(200);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('<title>Salvo</title>');
    const script = await readBundleFile(root, 'salvo://app/assets/app.js');
    expect(script.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal and symlinks that lead outside', async () => {
    for (const url of ['salvo://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'salvo://app/assets/link.txt', 'salvo://app/escape/secret.txt']) {
      const res = await readBundleFile(root, url);
      expect(res.status, url).toBe(403);
      expect(res.body.toString()).not.toContain('outside the bundle');
    }
  });

  it('keeps URL-normalised dot segments inside the bundle', async () => {
    const res = await readBundleFile(root, 'salvo://app/../../secret.txt');
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('outside the bundle');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await readBundleFile(root, 'salvo://app/missing.js')).status).toBe(404);
    expect((await readBundleFile(root, 'salvo://app/assets')).status).toBe(404);
  });
});

describe('contentTypeFor', () => {
  it('never labels unknown files as HTML', () => {
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
    expect(contentTypeFor('X.SVG')).toBe('image/svg+xml');
  });
});
