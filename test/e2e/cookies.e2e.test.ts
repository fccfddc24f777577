import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Harness, TargetServer } from './harness';
import { makeCollection, openCollectionInUi, startHarness, startTarget } from './harness';
import { EditorPage } from './pages/editor-page';
import { SidebarPage } from './pages/sidebar-page';

describe('cookie jar (browser mode, real handlers)', () => {
  let h: Harness;
  let target: TargetServer;
  let work: string;
  /** The Cookie header of each request to /me, in order ('' = none). */
  const meCookies: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'salvo-cookies-e2e-'));
    target = await startTarget((req) => {
      if (req.url === '/login') return { headers: { 'content-type': 'application/json', 'set-cookie': 'sid=e2e-session-42; Path=/; HttpOnly' }, body: '{"ok":true}' };
      meCookies.push(req.headers.cookie ?? '');
      return { headers: { 'content-type': 'application/json' }, body: '{"me":true}' };
    });
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
    await target?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('log in, see the cookie in the manager, the next request sends it, delete it', async () => {
    const root = join(work, 'session');
    await makeCollection(h, root, 'Session', [
      { name: 'Log in', spec: { method: 'POST', url: `${target.origin}/login` } },
      { name: 'Me', spec: { method: 'GET', url: `${target.origin}/me` } },
    ]);
    await openCollectionInUi(h, root);
    const sidebar = new SidebarPage(h.page);
    const editor = new EditorPage(h.page);
    const manager = h.page.getByTestId('cookie-manager');

    await sidebar.item('log-in.yaml').click();
    await h.page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="url-input"]')?.value ?? '').endsWith('/login'));
    expect(await editor.sendWithShortcut()).toBe('200 OK');

    await h.page.getByTestId('cookies-open').click();
    const row = manager.getByTestId('cookie-row').filter({ hasText: 'sid' });
    await row.waitFor();
    expect(await row.getByTestId('cookie-row-value').textContent()).toBe('••••••');
    await manager.getByTestId('cookie-show-values').check();
    expect(await row.getByTestId('cookie-row-value').textContent()).toBe('e2e-session-42');
    expect(await manager.getByTestId('cookie-domain').getAttribute('aria-label')).toBe('127.0.0.1');
    await h.screenshot('cookie-manager');
    await manager.getByTestId('cookie-close').click();

    await sidebar.item('me.yaml').click();
    await h.page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="url-input"]')?.value ?? '').endsWith('/me'));
    expect(await editor.sendWithShortcut()).toBe('200 OK');
    await h.waitFor(() => meCookies.length === 1, { what: 'the /me request' });
    expect(meCookies[0]).toBe('sid=e2e-session-42');

    await h.page.getByTestId('cookies-open').click();
    await row.getByTestId('cookie-delete').click();
    await manager.getByTestId('cookies-empty').waitFor();
    await manager.getByTestId('cookie-close').click();
    expect(await h.invoke('cookies:list', { collectionId: (await h.invoke('collection:list', {})).find((c) => c.name === 'Session')?.id ?? '' })).toEqual([]);

    await h.page.getByTestId('send-button').click();
    await h.waitFor(() => meCookies.length === 2, { what: 'the second /me request' });
    expect(meCookies[1]).toBe('');
    expect(h.pageErrors).toEqual([]);
  });
});
