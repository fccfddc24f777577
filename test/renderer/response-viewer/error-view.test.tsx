import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ERROR_KINDS, SalvoError } from '../../../shared/model/errors';
import { hintFor } from '../../../renderer/features/response-viewer/error-hints';
import { ErrorView } from '../../../renderer/features/response-viewer/ErrorView';
import { TimingWaterfall } from '../../../renderer/features/response-viewer/TimingWaterfall';
import { useNoticesStore } from '../../../renderer/state/notices-store';
import { useTabsStore } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { sampleMeta } from '../support/fixtures';
import { resetAll } from '../support/reset';

describe('error view', () => {
  beforeEach(resetAll);

  it('has a hint for every error kind', () => {
    for (const kind of ERROR_KINDS) expect(hintFor({ kind, message: 'x' }).text.length).toBeGreaterThan(10);
  });

  it('a self-signed certificate offers "allow insecure", which turns verification off for this request only and resends', async () => {
    const fake = installFakeApi({ 'http:send': ({ id }) => ({ ...sampleMeta({ id }), preview: '' }) });
    const id = useTabsStore.getState().openNew({ request: { url: 'https://127.0.0.1:1/' } });
    render(<ErrorView tabId={id} error={{ kind: 'tls', message: 'self-signed certificate', detail: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }} />);
    expect(screen.getByTestId('error-kind').textContent).toBe('tls');
    expect(screen.getByTestId('error-hint').textContent?.toLowerCase()).toContain('allow insecure');
    fireEvent.click(screen.getByTestId('allow-insecure'));
    expect(useTabsStore.getState().tabs[id]?.draft.options.verifyTls).toBe(false);
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'http:send')?.arg).toMatchObject({ spec: { options: { verifyTls: false } } }));
  });

  it('a file outside the collection asks main to allow exactly the listed files for the tab\'s collection, then resends; the draft is untouched', async () => {
    const granted: unknown[] = [];
    const fake = installFakeApi({
      'files:grantExternal': (arg) => {
        granted.push(arg);
        return { granted: [...arg.paths], refused: [] };
      },
      'http:send': ({ id }) => ({ ...sampleMeta({ id }), preview: '' }),
    });
    const id = useTabsStore.getState().openNew({ collectionId: 'c1', request: { url: 'http://127.0.0.1:1/' } });
    const before = JSON.stringify(useTabsStore.getState().tabs[id]?.draft);
    const paths = ['/home/me/.ssh/id_rsa', '/home/me/photo.png'];
    render(<ErrorView tabId={id} error={{ kind: 'invalid-input', message: 'outside', detail: { path: paths[0] ?? '', paths, reason: 'external-file' } }} />);
    expect(screen.getByTestId('error-hint').textContent).toContain('/home/me/.ssh/id_rsa, /home/me/photo.png');
    expect(screen.getByTestId('allow-external-files').textContent).toContain('these 2 files');
    fireEvent.click(screen.getByTestId('allow-external-files'));
    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toEqual(['files:grantExternal', 'http:send']));
    expect(granted).toEqual([{ collectionId: 'c1', paths }]);
    expect(JSON.stringify(useTabsStore.getState().tabs[id]?.draft)).toBe(before);
  });

  it('a refused grant (a file no saved request references) shows why and sends nothing', async () => {
    const fake = installFakeApi({
      'files:grantExternal': () => {
        throw new SalvoError('invalid-input', '/etc/passwd: not referenced by a saved request or certificate entry of this collection; save the request first');
      },
    });
    const id = useTabsStore.getState().openNew({ collectionId: 'c1', request: { url: 'http://127.0.0.1:1/' } });
    render(<ErrorView tabId={id} error={{ kind: 'invalid-input', message: 'outside', detail: { path: '/etc/passwd', reason: 'external-file' } }} />);
    expect(screen.getByTestId('allow-external-files').textContent).toContain('this file');
    fireEvent.click(screen.getByTestId('allow-external-files'));
    await waitFor(() => expect(useNoticesStore.getState().notices.at(-1)?.text).toMatch(/save the request first/));
    expect(fake.calls.map((c) => c.channel)).toEqual(['files:grantExternal']);
  });

  it('other TLS failures do not offer to disable verification', () => {
    expect(hintFor({ kind: 'tls', message: 'handshake failure: no shared cipher' }).action).toBeUndefined();
  });
});

describe('timing waterfall', () => {
  it('shows each phase with its duration and a bar scaled to the total', () => {
    render(<TimingWaterfall timings={{ dns: 10, connect: 20, tls: 30, send: 5, ttfb: 25, download: 10, total: 100 }} isReused={false} />);
    expect(screen.getByTestId('timing-tls').textContent).toContain('30 ms');
    expect(screen.getByTestId('timing-total').textContent).toContain('100 ms');
    const bar = screen.getByTestId('timing-ttfb').querySelector<HTMLElement>('.waterfall-bar');
    expect(bar?.style.left).toBe('65%');
    expect(bar?.style.width).toBe('25%');
  });
});
