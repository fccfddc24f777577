import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { EditorPage } from './pages/editor-page';
import { SidebarPage } from './pages/sidebar-page';

describe('collections in the sidebar change the files on disk (browser mode, real handlers)', () => {
  let h: Harness;
  let work: string;
  let root: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'salvo-collections-e2e-'));
    root = join(work, 'shop');
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
    await rm(work, { recursive: true, force: true });
  });

  const requestFiles = async (): Promise<string[]> => (await readdir(root)).filter((f) => f.endsWith('.yaml') && f !== 'salvo.yaml').sort();

  it('creates a collection and a request from the sidebar', async () => {
    const sidebar = new SidebarPage(h.page);
    await sidebar.createCollection(root, 'Shop');
    expect(existsSync(join(root, 'salvo.yaml'))).toBe(true);
    await h.page.getByTestId('collection-new-request').click();
    await sidebar.answer('ok', 'List orders');
    await sidebar.waitForPaths(['list-orders.yaml']);
    expect(await requestFiles()).toEqual(['list-orders.yaml']);
    // The new request opens in a tab, clean.
    await h.page.getByTestId('request-tab').waitFor();
    expect(await new EditorPage(h.page).tabs()).toEqual([{ name: 'List orders', isDirty: false }]);
  });

  it('saves an edit to the file with Ctrl+S', async () => {
    const editor = new EditorPage(h.page);
    await editor.setUrl('http://127.0.0.1:9/orders?status=open');
    await h.page.keyboard.press('Control+s');
    await h.page.waitForFunction(() => document.querySelector('[data-testid="request-tab"]')?.getAttribute('data-dirty') === 'false');
    const text = await readFile(join(root, 'list-orders.yaml'), 'utf8');
    expect(text).toContain('http://127.0.0.1:9/orders');
    expect(text).toContain('status');
  });

  it('renames a request through the context menu and the file follows', async () => {
    const sidebar = new SidebarPage(h.page);
    await sidebar.menu('list-orders.yaml', 'rename');
    await sidebar.answer('ok', 'Open orders');
    await sidebar.waitForPaths(['open-orders.yaml']);
    expect(await requestFiles()).toEqual(['open-orders.yaml']);
    expect(await readFile(join(root, 'open-orders.yaml'), 'utf8')).toContain('Open orders');
    expect((await new EditorPage(h.page).tabs())[0]?.name).toBe('Open orders');
  });

  it('duplicates, creates a folder and moves a request into it by drag and drop', async () => {
    const sidebar = new SidebarPage(h.page);
    await sidebar.menu('open-orders.yaml', 'duplicate');
    await h.page.waitForFunction(() => document.querySelectorAll('[data-testid="tree-item"]').length === 2);
    expect((await requestFiles()).length).toBe(2);
    await h.page.getByTestId('collection-new-folder').click();
    await sidebar.answer('ok', 'Archive');
    await h.page.locator('[data-testid="tree-item"][data-kind="folder"]').waitFor();
    const folderPath = (await h.page.locator('[data-testid="tree-item"][data-kind="folder"]').getAttribute('data-path')) ?? '';
    const copyPath = (await sidebar.paths()).find((p) => p !== 'open-orders.yaml' && p !== folderPath) ?? '';
    await sidebar.item(copyPath).dragTo(sidebar.item(folderPath));
    await h.waitFor(async () => existsSync(join(root, folderPath)) && (await readdir(join(root, folderPath))).some((f) => f.endsWith('.yaml') && f !== 'folder.yaml'), { what: 'the request file to move into the folder' });
    expect(existsSync(join(root, copyPath))).toBe(false);
    await h.screenshot('sidebar-tree-light');
  });

  it('deletes a request only after confirmation', async () => {
    const sidebar = new SidebarPage(h.page);
    await sidebar.menu('open-orders.yaml', 'delete');
    await sidebar.answer('cancel');
    expect(existsSync(join(root, 'open-orders.yaml'))).toBe(true);
    await sidebar.menu('open-orders.yaml', 'delete');
    await sidebar.answer('delete');
    await h.waitFor(() => !existsSync(join(root, 'open-orders.yaml')), { what: 'open-orders.yaml to be deleted' });
    await h.page.waitForFunction(() => ![...document.querySelectorAll<HTMLElement>('[data-testid="tree-item"]')].some((e) => e.dataset.path === 'open-orders.yaml'));
  });

  it('shows a request written by another program without a reload', async () => {
    await writeFile(join(root, 'external.yaml'), 'name: External\nmethod: GET\nurl: http://127.0.0.1:9/external\n');
    await h.page.locator('[data-testid="tree-item"][data-path="external.yaml"]').waitFor({ timeout: 15_000 });
    expect(await h.page.locator('[data-testid="tree-item"][data-path="external.yaml"]').textContent()).toContain('External');
  });

  it('re-opens the collection, the open tab and the theme after a reload', async () => {
    const editor = new EditorPage(h.page);
    await h.page.locator('[data-testid="tree-item"][data-path="external.yaml"]').click();
    await h.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="request-tab"]')].some((t) => t.textContent?.includes('External')));
    const toggle = h.page.getByTestId('theme-toggle');
    for (let i = 0; i < 3 && (await toggle.getAttribute('data-theme-choice')) !== 'dark'; i++) await toggle.click();
    // Settings are written shortly after a change; wait until they are on disk.
    await h.waitFor(async () => {
      const text = await readFile(join(h.userDataDir, 'settings.json'), 'utf8').catch(() => '');
      return text.includes('"dark"') && text.includes('external.yaml');
    }, { what: 'settings.json to record the theme and open tabs' });
    await h.reload();
    await h.page.getByTestId('collection-name').filter({ hasText: 'Shop' }).waitFor();
    await h.page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await h.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="request-tab"]')].some((t) => t.textContent?.includes('External')));
    expect((await editor.tabs()).map((t) => t.name)).toContain('External');
    // The tab of the request deleted earlier was detached, so restoring reports nothing missing.
    expect(await h.page.getByTestId('notice-error').count()).toBe(0);
    await h.screenshot('sidebar-tree-dark');
  });
});
