import type { Locator, Page } from 'playwright-core';

/** Page object for the collections sidebar, its context menu and the app's modal dialog. */
export class SidebarPage {
  constructor(private readonly page: Page) {}

  item(path: string): Locator {
    return this.page.locator(`[data-testid="tree-item"][data-path="${path}"]`);
  }

  /** Paths of the visible tree items in order. */
  async paths(): Promise<string[]> {
    return this.page.getByTestId('tree-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.path ?? ''));
  }

  /** Waits until the tree shows exactly `paths` (order included). */
  async waitForPaths(paths: readonly string[], timeoutMs = 15_000): Promise<void> {
    await this.page.waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll<HTMLElement>('[data-testid="tree-item"]')].map((e) => e.dataset.path)) === JSON.stringify(want),
      paths,
      { timeout: timeoutMs, polling: 50 },
    );
  }

  /** Opens the context menu of a tree item and picks an entry. */
  async menu(path: string, entry: 'new-request' | 'new-folder' | 'run-folder' | 'open' | 'run-request' | 'rename' | 'duplicate' | 'delete'): Promise<void> {
    await this.item(path).click({ button: 'right' });
    await this.page.getByTestId(`menu-${entry}`).click();
  }

  /** Answers the open dialog, typing `text` first when it asks for one. */
  async answer(choice: string, text?: string): Promise<void> {
    const dialog = this.page.getByTestId('dialog');
    await dialog.waitFor();
    if (text !== undefined) await this.page.getByTestId('dialog-input').fill(text);
    await this.page.getByTestId(`dialog-${choice}`).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Creates a collection through the "New collection" path form (browser mode). */
  async createCollection(root: string, name: string): Promise<void> {
    await this.page.getByTestId('create-collection').click();
    await this.page.getByTestId('collection-path').fill(root);
    await this.page.getByTestId('collection-create-name').fill(name);
    await this.page.getByTestId('collection-path-submit').click();
    await this.page.getByTestId('collection-name').filter({ hasText: name }).waitFor();
  }
}
