import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { parseCurl } from '../../../electron/importers/curl';
import { UrlBar } from '../../../renderer/features/request-editor/UrlBar';
import { ParamsTab } from '../../../renderer/features/request-editor/ParamsTab';
import { specOf } from '../../../renderer/features/request-editor/request-actions';
import { blankRequest, useTabsStore } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { resetAll } from '../support/reset';

function Editor({ tabId }: { tabId: string }): React.JSX.Element {
  return (
    <>
      <UrlBar tabId={tabId} />
      <ParamsTab tabId={tabId} />
    </>
  );
}

const draft = (id: string) => useTabsStore.getState().tabs[id]?.draft;

describe('URL bar and params table', () => {
  beforeEach(resetAll);

  it('typing a query in the URL fills the params table and keeps the base URL canonical', () => {
    installFakeApi({ 'vars:resolve': () => [] });
    const id = useTabsStore.getState().openNew();
    render(<Editor tabId={id} />);
    fireEvent.change(screen.getByTestId('url-input'), { target: { value: 'http://127.0.0.1:8080/users?page=2&q=a%20b' } });
    expect(draft(id)?.url).toBe('http://127.0.0.1:8080/users');
    expect(draft(id)?.params).toEqual([
      { name: 'page', value: '2', enabled: true },
      { name: 'q', value: 'a b', enabled: true },
    ]);
    expect((screen.getByTestId('params-table-name-0') as HTMLInputElement).value).toBe('page');
    expect((screen.getByTestId('params-table-value-1') as HTMLInputElement).value).toBe('a b');
  });

  it('editing, adding and disabling params rewrites the URL', () => {
    installFakeApi({ 'vars:resolve': () => [] });
    const id = useTabsStore.getState().openNew({ request: { url: 'http://h/p', params: [{ name: 'a', value: '1', enabled: true }] } });
    render(<Editor tabId={id} />);
    const url = () => (screen.getByTestId('url-input') as HTMLInputElement).value;
    expect(url()).toBe('http://h/p?a=1');
    fireEvent.change(screen.getByTestId('params-table-value-0'), { target: { value: '42' } });
    expect(url()).toBe('http://h/p?a=42');
    fireEvent.change(screen.getByTestId('params-table-name-1'), { target: { value: 'b' } });
    expect(url()).toBe('http://h/p?a=42&b');
    fireEvent.click(screen.getByTestId('params-table-enabled-0'));
    expect(url()).toBe('http://h/p?b');
    // The disabled row survives a URL edit.
    fireEvent.change(screen.getByTestId('url-input'), { target: { value: 'http://h/p?b=7' } });
    expect(draft(id)?.params).toEqual([
      { name: 'b', value: '7', enabled: true },
      { name: 'a', value: '42', enabled: false },
    ]);
    // What is sent is the base URL plus the params list; the engine joins them once.
    expect(specOf(draft(id) ?? blankRequest())).toMatchObject({ url: 'http://h/p' });
  });

  it('keeps a half-typed trailing "?" while typing', () => {
    installFakeApi({ 'vars:resolve': () => [] });
    const id = useTabsStore.getState().openNew();
    render(<Editor tabId={id} />);
    fireEvent.change(screen.getByTestId('url-input'), { target: { value: 'http://h/p?' } });
    expect((screen.getByTestId('url-input') as HTMLInputElement).value).toBe('http://h/p?');
    fireEvent.change(screen.getByTestId('url-input'), { target: { value: 'http://h/p?x' } });
    expect(draft(id)?.params).toEqual([{ name: 'x', value: '', enabled: true }]);
  });

  it('highlights resolved and unresolved {{variables}} with the value on hover, secrets masked', async () => {
    installFakeApi({
      'vars:resolve': () => [
        { name: 'base', value: 'http://127.0.0.1:9', secret: false, scope: 'environment' },
        { name: 'token', value: '••••••', secret: true, scope: 'environment' },
      ],
    });
    const id = useTabsStore.getState().openNew({ request: { url: '{{base}}/users/{{userId}}?t={{token}}' } });
    render(<Editor tabId={id} />);
    await waitFor(() => expect(screen.getByTestId('url-var-base').className).toContain('var-resolved'));
    expect(screen.getByTestId('url-var-base').getAttribute('title')).toBe('base = http://127.0.0.1:9 (environment)');
    expect(screen.getByTestId('url-var-userId').className).toContain('var-unresolved');
    expect(screen.getByTestId('url-var-token').getAttribute('title')).toBe('token = •••••• (environment)');
    const marks = screen.getByTestId('url-highlight').querySelectorAll('.var-unresolved');
    expect([...marks].map((m) => m.textContent)).toEqual(['{{userId}}']);
  });

  it('pasting a cURL command imports it instead of inserting text', async () => {
    installFakeApi({ 'vars:resolve': () => [], 'import:curl': ({ text }) => parseCurl(text).request });
    const id = useTabsStore.getState().openNew();
    render(<Editor tabId={id} />);
    const input = screen.getByTestId('url-input');
    const text = `curl -X POST 'http://127.0.0.1:3000/items?draft=1' -H 'Content-Type: application/json' -H 'X-Trace: t1' --data '{"a":1}'`;
    await act(async () => {
      fireEvent.paste(input, { clipboardData: { getData: () => text } });
    });
    await waitFor(() => expect(draft(id)?.method).toBe('POST'));
    expect(draft(id)?.url).toBe('http://127.0.0.1:3000/items');
    expect(draft(id)?.params).toEqual([{ name: 'draft', value: '1', enabled: true }]);
    expect(draft(id)?.headers).toContainEqual({ name: 'X-Trace', value: 't1', enabled: true });
    expect(draft(id)?.body).toEqual({ mode: 'json', text: '{"a":1}' });
    expect(draft(id)?.name).toBe('POST /items');
    expect((input as HTMLInputElement).value).toBe('http://127.0.0.1:3000/items?draft=1');
  });

  it('a normal paste is left alone', () => {
    const fake = installFakeApi({ 'vars:resolve': () => [] });
    const id = useTabsStore.getState().openNew();
    render(<Editor tabId={id} />);
    fireEvent.paste(screen.getByTestId('url-input'), { clipboardData: { getData: () => 'http://example.test/' } });
    expect(fake.calls.some((c) => c.channel === 'import:curl')).toBe(false);
  });
});
