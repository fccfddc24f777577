import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ERROR_KINDS } from '../../../shared/model/errors';
import { hintFor } from '../../../renderer/features/response-viewer/error-hints';
import { ErrorView } from '../../../renderer/features/response-viewer/ErrorView';
import { TimingWaterfall } from '../../../renderer/features/response-viewer/TimingWaterfall';
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

  it('a body file outside the collection offers consent for this request only, then resends', async () => {
    const fake = installFakeApi({ 'http:send': ({ id }) => ({ ...sampleMeta({ id }), preview: '' }) });
    const id = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/' } });
    render(<ErrorView tabId={id} error={{ kind: 'invalid-input', message: 'outside', detail: { path: '/home/me/.ssh/id_rsa', reason: 'external-file' } }} />);
    expect(screen.getByTestId('error-hint').textContent).toContain('/home/me/.ssh/id_rsa');
    fireEvent.click(screen.getByTestId('allow-external-files'));
    expect(useTabsStore.getState().tabs[id]?.draft.options.allowExternalFiles).toBe(true);
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'http:send')?.arg).toMatchObject({ spec: { options: { allowExternalFiles: true } } }));
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
