import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createApiClient } from '../../../renderer/api/client';
import { bindEvents } from '../../../renderer/app/bind-events';
import { DialogHost } from '../../../renderer/components/DialogHost';
import { CookieManager } from '../../../renderer/features/cookies/CookieManager';
import { CookiesButton } from '../../../renderer/features/cookies/CookiesButton';
import { useCollectionsStore } from '../../../renderer/state/collections-store';
import { groupByDomain, resetCookiesStore, useCookiesStore } from '../../../renderer/state/cookies-store';
import type { CookieInfo } from '../../../shared/model/cookie';
import { installFakeApi } from '../support/fake-api';
import { sampleTree } from '../support/fixtures';
import { resetAll } from '../support/reset';

const cookie = (over: Partial<CookieInfo>): CookieInfo => ({ name: 'sid', value: 'v', domain: 'api.test', path: '/', expires: undefined, secure: false, httpOnly: false, sameSite: undefined, hostOnly: true, createdAt: 1, ...over });

const JAR: CookieInfo[] = [
  cookie({ name: 'sid', value: 'SeSsIoN-1', httpOnly: true }),
  cookie({ name: 'lang', value: 'en', expires: Date.UTC(2030, 0, 1) }),
  cookie({ name: 'track', value: 't1', domain: 'cdn.test', hostOnly: false, secure: true, sameSite: 'lax' }),
];

function setup(handlers: Parameters<typeof installFakeApi>[0] = {}) {
  let jar = [...JAR];
  const fake = installFakeApi({
    'cookies:list': () => jar,
    'cookies:delete': ({ key }) => {
      const before = jar.length;
      jar = jar.filter((c) => !(c.name === key.name && c.domain === key.domain && c.path === key.path));
      return jar.length < before;
    },
    'cookies:clear': () => {
      jar = [];
    },
    'cookies:set': ({ cookie: c }) => cookie({ ...c, expires: c.expires, sameSite: c.sameSite }),
    ...handlers,
  });
  useCollectionsStore.getState().setTree(sampleTree('c1'));
  useCollectionsStore.getState().setActive('c1');
  render(
    <>
      <CookiesButton />
      <CookieManager />
      <DialogHost />
    </>,
  );
  return { fake, setJar: (next: CookieInfo[]) => (jar = next) };
}

describe('cookie manager', () => {
  beforeEach(() => {
    resetAll();
    resetCookiesStore();
  });

  it('opens on the active collection jar: cookies by domain, values masked until shown, search by name or domain', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByTestId('cookies-open'));
    await waitFor(() => expect(screen.getAllByTestId('cookie-row')).toHaveLength(3));
    expect(fake.calls[0]).toEqual({ channel: 'cookies:list', arg: { collectionId: 'c1' } });
    expect(screen.getAllByTestId('cookie-domain').map((d) => d.getAttribute('aria-label'))).toEqual(['api.test', 'cdn.test']);
    const values = () => screen.getAllByTestId('cookie-row-value').map((v) => v.textContent);
    expect(values()).toEqual(['••••••', '••••••', '••••••']);
    expect(screen.getByTestId('cookie-manager').textContent).not.toContain('SeSsIoN-1');
    fireEvent.click(screen.getByTestId('cookie-show-values'));
    expect(values()).toEqual(['SeSsIoN-1', 'en', 't1']);
    expect(screen.getByTestId('cookie-manager').textContent).toContain('Secure · SameSite=Lax · subdomains');
    fireEvent.change(screen.getByTestId('cookie-search'), { target: { value: 'cdn' } });
    expect(screen.getAllByTestId('cookie-row')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('cookie-search'), { target: { value: 'nothing-like-it' } });
    expect(screen.getByTestId('cookies-empty').textContent).toBe('No cookie matches the search.');
  });

  it('switches to the jar of requests outside collections', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByTestId('cookies-open'));
    await screen.findAllByTestId('cookie-row');
    fireEvent.change(screen.getByTestId('cookie-jar'), { target: { value: '' } });
    await waitFor(() => expect(fake.calls.at(-1)).toEqual({ channel: 'cookies:list', arg: {} }));
  });

  it('deletes one cookie and clears all after asking', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByTestId('cookies-open'));
    const rows = await screen.findAllByTestId('cookie-row');
    fireEvent.click(within(rows[1] as HTMLElement).getByTestId('cookie-delete'));
    await waitFor(() => expect(screen.getAllByTestId('cookie-row')).toHaveLength(2));
    expect(fake.calls.find((c) => c.channel === 'cookies:delete')?.arg).toEqual({ collectionId: 'c1', key: { name: 'lang', domain: 'api.test', path: '/' } });

    fireEvent.click(screen.getByTestId('cookie-clear'));
    fireEvent.click(await screen.findByTestId('dialog-cancel'));
    expect(fake.calls.some((c) => c.channel === 'cookies:clear')).toBe(false);
    fireEvent.click(screen.getByTestId('cookie-clear'));
    fireEvent.click(await screen.findByTestId('dialog-clear'));
    await waitFor(() => expect(screen.getByTestId('cookies-empty').textContent).toBe('No cookies in this jar.'));
    expect(fake.calls.find((c) => c.channel === 'cookies:clear')?.arg).toEqual({ collectionId: 'c1' });
  });

  it('adds a cookie, refusing a bad name before asking main', async () => {
    const { fake } = setup();
    fireEvent.click(screen.getByTestId('cookies-open'));
    await screen.findAllByTestId('cookie-row');
    fireEvent.click(screen.getByTestId('cookie-add'));
    expect((screen.getByTestId('cookie-value') as HTMLInputElement).type).toBe('password');
    fireEvent.change(screen.getByTestId('cookie-name'), { target: { value: 'bad name' } });
    fireEvent.change(screen.getByTestId('cookie-value'), { target: { value: 'xyz' } });
    fireEvent.change(screen.getByTestId('cookie-domain'), { target: { value: 'api.test' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('cookie-form-save'));
    });
    expect(screen.getByTestId('cookie-form-error').textContent).toMatch(/^name: /);
    expect(fake.calls.some((c) => c.channel === 'cookies:set')).toBe(false);

    fireEvent.change(screen.getByTestId('cookie-name'), { target: { value: 'token' } });
    fireEvent.click(screen.getByTestId('cookie-secure'));
    fireEvent.click(screen.getByTestId('cookie-host-only'));
    fireEvent.change(screen.getByTestId('cookie-samesite'), { target: { value: 'strict' } });
    fireEvent.change(screen.getByTestId('cookie-expires'), { target: { value: '2031-05-06T07:08' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('cookie-form-save'));
    });
    await waitFor(() => expect(screen.queryByTestId('cookie-form')).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'cookies:set')?.arg).toEqual({
      collectionId: 'c1',
      cookie: { name: 'token', value: 'xyz', domain: 'api.test', path: '/', expires: new Date('2031-05-06T07:08').getTime(), secure: true, httpOnly: false, sameSite: 'strict', hostOnly: false },
    });
  });

  it('edits a cookie in place and shows what main refused', async () => {
    const { fake } = setup({ 'cookies:set': () => Promise.reject(new Error('the cookie was refused: Cookie has domain set to a public suffix')) });
    fireEvent.click(screen.getByTestId('cookies-open'));
    const rows = await screen.findAllByTestId('cookie-row');
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('cookie-edit'));
    expect((screen.getByTestId('cookie-name') as HTMLInputElement).value).toBe('sid');
    expect((screen.getByTestId('cookie-value') as HTMLInputElement).value).toBe('SeSsIoN-1');
    expect((screen.getByTestId('cookie-http-only') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByTestId('cookie-value'), { target: { value: 'SeSsIoN-2' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('cookie-form-save'));
    });
    expect(fake.calls.find((c) => c.channel === 'cookies:set')?.arg).toMatchObject({ cookie: { name: 'sid', value: 'SeSsIoN-2', httpOnly: true, hostOnly: true }, replaces: { name: 'sid', domain: 'api.test', path: '/' } });
    expect(screen.getByTestId('cookie-form-error').textContent).toContain('public suffix');
    // Escape leaves the form first, then the manager.
    fireEvent.keyDown(screen.getByTestId('cookie-form'), { key: 'Escape' });
    expect(screen.queryByTestId('cookie-form')).toBeNull();
    fireEvent.keyDown(screen.getByTestId('cookie-list'), { key: 'Escape' });
    expect(screen.queryByTestId('cookie-manager')).toBeNull();
  });

  it('refreshes an open manager when main announces a change to its jar, and opens from the menu', async () => {
    const { fake, setJar } = setup();
    bindEvents(createApiClient(fake.api), (f) => f());
    fake.emit('app:menu', { command: 'manage-cookies' });
    await waitFor(() => expect(screen.getAllByTestId('cookie-row')).toHaveLength(3));
    setJar([...JAR, cookie({ name: 'new', domain: 'api.test' })]);
    // Another jar's change is not this one's.
    fake.emit('cookies:changed', {});
    fake.emit('cookies:changed', { collectionId: 'c1' });
    await waitFor(() => expect(screen.getAllByTestId('cookie-row')).toHaveLength(4));
    expect(fake.calls.filter((c) => c.channel === 'cookies:list')).toHaveLength(2);
    expect(useCookiesStore.getState().isOpen).toBe(true);
  });
});

describe('groupByDomain', () => {
  it('groups in domain order and matches every term', () => {
    expect(groupByDomain(JAR, '').map((g) => [g.domain, g.cookies.map((c) => c.name)])).toEqual([
      ['api.test', ['sid', 'lang']],
      ['cdn.test', ['track']],
    ]);
    expect(groupByDomain(JAR, 'api SID').map((g) => g.cookies.map((c) => c.name))).toEqual([['sid']]);
    expect(groupByDomain(JAR, 'SeSsIoN')).toEqual([]);
  });
});
