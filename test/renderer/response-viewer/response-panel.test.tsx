import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ResponsePanel } from '../../../renderer/features/response-viewer/ResponsePanel';
import { sendTab } from '../../../renderer/features/request-editor/request-actions';
import { getBody } from '../../../renderer/state/body-cache';
import { useResponsesStore } from '../../../renderer/state/responses-store';
import { useTabsStore } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { sampleMeta } from '../support/fixtures';
import { resetAll } from '../support/reset';

describe('response panel', () => {
  beforeEach(resetAll);

  it('shows the status coloured by class, time, size, and a pretty-printed JSON body', async () => {
    installFakeApi({ 'http:send': ({ id }) => ({ ...sampleMeta({ id, status: 404, statusText: 'Not Found' }), preview: '{"error":"missing","id":7}' }) });
    const tabId = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/x' } });
    render(<ResponsePanel />);
    await act(async () => sendTab(tabId));
    const status = await screen.findByTestId('response-status');
    expect(status.textContent).toBe('404 Not Found');
    expect(status.dataset.statusClass).toBe('4xx');
    expect(screen.getByTestId('response-time').textContent).toBe('10 ms');
    await waitFor(() => expect(screen.getByTestId('body-pretty').textContent).toContain('"error": "missing"'));
  });

  it('a truncated body offers "show all", which fetches the rest slice by slice', async () => {
    const full = 'x'.repeat(3000);
    const fake = installFakeApi({
      'http:send': ({ id }) => ({ ...sampleMeta({ id, contentType: 'text/plain', bodyBytes: full.length }), preview: full.slice(0, 1000), previewTruncated: true }),
      'http:body': ({ id, offset = 0, limit = 1024 }) => ({ id, offset, totalBytes: full.length, encoding: 'text', data: full.slice(offset, offset + limit), done: offset + limit >= full.length }),
    });
    const tabId = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/big' } });
    render(<ResponsePanel />);
    await act(async () => sendTab(tabId));
    fireEvent.click(await screen.findByTestId('body-show-all'));
    const requestId = useResponsesStore.getState().byTab[tabId]?.requestId ?? '';
    await waitFor(() => expect(useResponsesStore.getState().byTab[tabId]?.body.truncated).toBe(false));
    expect(getBody(requestId)).toBe(full);
    expect(fake.calls.filter((c) => c.channel === 'http:body').length).toBeGreaterThanOrEqual(1);
    expect(screen.queryByTestId('body-truncated')).toBeNull();
  });

  it('a failed send shows the error kind, message and hint', async () => {
    installFakeApi({
      'http:send': () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:1');
      },
    });
    const tabId = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/' } });
    render(<ResponsePanel />);
    await act(async () => sendTab(tabId));
    expect((await screen.findByTestId('error-message')).textContent).toContain('ECONNREFUSED');
  });

  it('HTML bodies get the sandboxed preview', async () => {
    installFakeApi({ 'http:send': ({ id }) => ({ ...sampleMeta({ id, contentType: 'text/html' }), preview: '<h1>hi</h1><script>parent.x=1</script>' }) });
    const tabId = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/' } });
    render(<ResponsePanel />);
    await act(async () => sendTab(tabId));
    fireEvent.click(await screen.findByTestId('body-mode-preview'));
    const frame = screen.getByTestId('preview-frame');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>hi</h1>');
  });

  it('images are shown from a data: URL and SVG only ever as an <img>', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
    let next: { contentType: string; preview: string; previewEncoding: 'text' | 'base64' } = { contentType: 'image/png', preview: png, previewEncoding: 'base64' };
    installFakeApi({ 'http:send': ({ id }) => ({ ...sampleMeta({ id, contentType: next.contentType, isBinary: next.previewEncoding === 'base64', previewEncoding: next.previewEncoding }), preview: next.preview }), 'http:release': () => undefined });
    const tabId = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/img' } });
    render(<ResponsePanel />);
    await act(async () => sendTab(tabId));
    fireEvent.click(await screen.findByTestId('body-mode-preview'));
    expect(screen.getByTestId('preview-image').getAttribute('src')).toBe(`data:image/png;base64,${png}`);
    next = { contentType: 'image/svg+xml', preview: svg, previewEncoding: 'text' };
    await act(async () => sendTab(tabId));
    fireEvent.click(await screen.findByTestId('body-mode-preview'));
    const img = screen.getByTestId('preview-image');
    expect(img.tagName).toBe('IMG');
    expect(img.getAttribute('src')?.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(document.querySelector('svg')).toBeNull();
  });
});
