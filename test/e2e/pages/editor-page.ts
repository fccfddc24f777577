import type { Locator, Page } from 'playwright-core';

/** Page object for the request editor and the response viewer. */
export class EditorPage {
  constructor(private readonly page: Page) {}

  get urlInput(): Locator {
    return this.page.getByTestId('url-input');
  }

  get methodPicker(): Locator {
    return this.page.getByTestId('method-picker');
  }

  get status(): Locator {
    return this.page.getByTestId('response-status');
  }

  /** Replaces the URL by typing it (fires real input events). */
  async setUrl(url: string): Promise<void> {
    await this.urlInput.fill(url);
  }

  async url(): Promise<string> {
    return this.urlInput.inputValue();
  }

  /** Pastes text into the URL bar through a real ClipboardEvent carrying a DataTransfer. */
  async pasteIntoUrl(text: string): Promise<void> {
    await this.urlInput.focus();
    await this.urlInput.evaluate((el, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Sends with the keyboard shortcut and waits for the status pill. */
  async sendWithShortcut(): Promise<string> {
    await this.urlInput.focus();
    await this.page.keyboard.press('Control+Enter');
    await this.status.waitFor();
    return (await this.status.textContent()) ?? '';
  }

  async openSection(section: 'params' | 'headers' | 'body' | 'auth' | 'tests' | 'vars' | 'options'): Promise<void> {
    await this.page.getByTestId(`request-section-${section}`).click();
  }

  async openResponseSection(section: 'body' | 'headers' | 'cookies' | 'timing' | 'redirects' | 'request'): Promise<void> {
    await this.page.getByTestId(`response-section-${section}`).click();
  }

  /** Text of the pretty body view (CodeMirror renders only visible lines; bodies in tests are short). */
  async prettyBody(): Promise<string> {
    return (await this.page.getByTestId('body-pretty').locator('.cm-content').innerText()).replace(/\u00a0/g, ' ');
  }

  /** Names of the header rows in the headers table. */
  async headerNames(): Promise<string[]> {
    return this.page.locator('[data-testid^="headers-table-name-"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).filter((v) => v !== ''));
  }

  /** Names in the open tab strip, with their dirty flags. */
  async tabs(): Promise<Array<{ name: string; isDirty: boolean }>> {
    return this.page.getByTestId('request-tab').evaluateAll((els) => els.map((e) => ({ name: e.querySelector('.request-tab-name')?.textContent ?? '', isDirty: (e as HTMLElement).dataset.dirty === 'true' })));
  }
}
