import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchPage, makeCollection, openCollectionInUi, startHarness, startTarget } from './harness';
import type { Harness, TargetServer } from './harness';

/**
 * A hostile HTML body: every way we know to run code, load, navigate, open or talk to the
 * embedder, each pointing at the canary with its tag. `bridge` is the app's bridge URL with its
 * real token, for the worst case where the token leaked.
 */
function hostileHtml(canary: string, tag: string, bridge: string): string {
  const c = (what: string): string => `${canary}/${what}?tag=${tag}`;
  return `<!doctype html><html><head>
<meta http-equiv="refresh" content="0;url=${c('meta-refresh')}">
<link rel="stylesheet" href="${c('stylesheet')}">
<link rel="prefetch" href="${c('prefetch')}">
<script src="${c('script-src')}"></script>
<script>
  fetch('${c('fetch')}').catch(() => {});
  new Image().src = '${c('js-image')}';
  try { window.open('${c('window-open')}'); } catch (e) {}
  try { top.postMessage({ salvoHostile: '${tag}' }, '*'); } catch (e) {}
  try { parent.postMessage({ salvoHostile: '${tag}' }, '*'); } catch (e) {}
  // Navigating the top window comes last, once the bridge attempt has reported (a live page would leave first otherwise).
  const leave = () => { try { top.location.href = '${c('top-navigation')}'; } catch (e) {} };
  try {
    const ws = new WebSocket('${bridge}');
    ws.onopen = () => fetch('${c('bridge-open')}').finally(leave);
    ws.onerror = () => fetch('${c('bridge-refused')}').finally(leave);
  } catch (e) { leave(); }
  document.documentElement.dataset.ran = '1';
</script>
<style>body { background: url(${c('css-background')}); }</style>
</head><body>
<h1 id="hostile-title">Hostile page ${tag}</h1>
<img src="${c('img')}" onerror="fetch('${c('img-onerror')}')">
<img src="data:," onerror="top.postMessage({ salvoHostile: '${tag}' }, '*'); fetch('${c('onerror')}')">
<svg onload="fetch('${c('svg-onload')}')"><image href="${c('svg-image')}"/></svg>
<a id="blank-link" href="${c('blank-link')}" target="_blank">open in a new window</a>
<a id="self-link" href="${c('self-link')}">navigate the frame</a>
<a id="top-link" href="${c('top-link')}" target="_top">navigate the app</a>
<iframe src="${c('iframe')}"></iframe>
<form id="form" action="${c('form')}" method="post"><button id="submit" type="submit">submit</button></form>
<object data="${c('object')}"></object>
<video src="${c('video')}" autoplay></video>
</body></html>`;
}

let h: Harness;
let canary: TargetServer;
let hostile: TargetServer;
let dir: string;

const fromTag = (tag: string): string[] => canary.seen.filter((r) => r.url.includes(`tag=${tag}`)).map((r) => r.url.split('?')[0] ?? r.url);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salvo-security-e2e-'));
  canary = await startTarget((req) => {
    // The control page must never leave its document: closing a page while a navigation of it
    // commits can hang Playwright for good (Chromium acks Target.closeTarget and drops the close,
    // crbug.com/536385539, microsoft/playwright#42366; playwright-core 1.65 does not re-issue it).
    // A 204 answer to its navigations (meta refresh, top.location, window.open) records the request
    // and commits nothing. The preview's requests get a normal page, so a leak would show.
    const isControl = (req.url ?? '').includes('tag=control');
    if (isControl && req.headers['sec-fetch-dest'] === 'document') return { status: 204 };
    return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'canary' };
  });
  h = await startHarness({
    beforeLoad: async (page) => {
      await page.addInitScript(() => {
        const w = window as unknown as { __salvoMessages: string[] };
        w.__salvoMessages = [];
        window.addEventListener('message', (e) => w.__salvoMessages.push(JSON.stringify(e.data)));
      });
    },
  });
  const bridge = `ws://127.0.0.1:${h.server.port}/bridge?token=${encodeURIComponent(h.server.token)}`;
  hostile = await startTarget((req) => {
    const tag = new URL(req.url ?? '/', 'http://x').searchParams.get('tag') ?? 'none';
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: hostileHtml(canary.origin, tag, bridge) };
  });
  await makeCollection(h, join(dir, 'api'), 'Hostile API', [{ name: 'hostile', spec: { method: 'GET', url: `${hostile.origin}/page?tag=preview` } }]);
  await openCollectionInUi(h, join(dir, 'api'));
});

afterEach(async () => {
  await h?.close();
  await canary?.close();
  await hostile?.close();
  await rm(dir, { recursive: true, force: true });
});

async function messagesOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __salvoMessages: string[] }).__salvoMessages.filter((m) => m.includes('salvoHostile')));
}

describe('response bodies are data, never code', () => {
  it('a hostile HTML preview runs nothing, loads nothing, navigates nothing, opens nothing', async () => {
    const { page } = h;
    const appUrl = page.url();
    const popups: string[] = [];
    page.on('popup', (p) => popups.push(p.url()));
    h.context.on('page', (p) => popups.push(`page:${p.url()}`));

    await page.getByTestId('tree-item').filter({ hasText: 'hostile' }).first().click();
    await page.getByTestId('send-button').click();
    await page.getByTestId('response-status').waitFor();
    expect(hostile.seen.filter((r) => r.url.includes('tag=preview')).length).toBe(1);
    await page.getByTestId('body-mode-preview').click();
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    // The markup is shown (it is data), so the test is not vacuous.
    await frame.locator('#hostile-title').waitFor();
    await h.screenshot('security-hostile-preview');
    // No script ran in the frame (its first inline script would have marked the root).
    expect(await frame.locator('[data-ran]').count()).toBe(0);
    // User clicks inside the preview: a form, a new-window link, a top link, and last a plain
    // link (which may replace the frame with the browser's "blocked" page).
    await frame.locator('#submit').click();
    await frame.locator('#blank-link').click();
    await frame.locator('#top-link').click();
    await frame.locator('#self-link').click();

    // Control: the same payload as a normal page does reach the canary (it is live), and even
    // with the real token its bridge socket is refused for its Origin. It runs after the
    // preview, so by the time its requests arrive, any the preview could make would have too.
    const control = await h.context.newPage();
    try {
      // Waits for the commit only: the page's own navigations (answered 204) stop its loading, so
      // 'load' may never come. What it reached, at the canary, is the condition.
      await control.goto(`${hostile.origin}/page?tag=control`, { waitUntil: 'commit' });
      await h.waitFor(() => ['/fetch', '/img', '/bridge-refused', '/top-navigation'].every((p) => fromTag('control').includes(p)), { what: 'the control page to reach the canary', timeoutMs: 20_000 }).catch((err: unknown) => {
        throw new Error(`${String(err)}; the canary saw: ${fromTag('control').join(', ')}`);
      });
    } finally {
      await control.close();
    }
    expect(fromTag('control')).not.toContain('/bridge-open');

    expect(fromTag('preview')).toEqual([]);
    expect(await messagesOf(page)).toEqual([]);
    const previewFrame = page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === page.mainFrame());
    expect(previewFrame?.url() ?? '').not.toContain(canary.origin);
    expect(page.url()).toBe(appUrl);
    expect(popups.filter((u) => !u.includes('tag=control') && !u.startsWith(`page:${hostile.origin}`) && u !== 'page:about:blank')).toEqual([]);
    // The app is still alive and its bridge still answers.
    await page.getByTestId('send-button').click();
    await h.waitFor(() => hostile.seen.filter((r) => r.url.includes('tag=preview')).length === 2, { what: 'a second send after the preview' });
    expect(h.pageErrors).toEqual([]);
  });

  it('a batch result with the same body is shown as text in the results detail', async () => {
    const batch = new BatchPage(h.page);
    await batch.openDialogFor('hostile');
    await batch.start({ concurrency: 1, iterations: 1, name: 'hostile-batch' });
    expect(await batch.waitFinished()).toBe('done');
    await h.page.locator('[data-testid="results-scroll"] [data-seq]').first().click();
    const body = h.page.getByTestId('detail-body');
    await body.waitFor();
    expect(await body.textContent()).toContain('<script>');
    expect(await h.page.locator('.batch-detail script, .batch-detail img, .batch-detail iframe').count()).toBe(0);
    expect(fromTag('preview')).toEqual([]);
    expect(await messagesOf(h.page)).toEqual([]);
  });
});
