import { DEFAULT_SETTINGS, parseSettings, persistedSettings, useSettingsStore } from '../../../renderer/state/settings-store';
import { contextKey, selectEnvNames, selectVisible, useEnvironmentsStore } from '../../../renderer/state/environments-store';
import { resetAll } from '../support/reset';

describe('settings store', () => {
  beforeEach(resetAll);

  it('keeps good fields and replaces bad ones by defaults', () => {
    expect(parseSettings({ theme: 'dark', sidebarWidth: 10_000, responseRatio: 'wide', openCollections: ['/a', 3], openTabs: [{ root: '/a', path: 'x.yaml' }, { root: 1 }] })).toEqual({
      theme: 'dark',
      sidebarWidth: 640,
      responseRatio: DEFAULT_SETTINGS.responseRatio,
      openCollections: ['/a'],
      openTabs: [{ root: '/a', path: 'x.yaml' }],
    });
    expect(parseSettings({ theme: 'neon' }).theme).toBe('system');
  });

  it('marks itself loaded and exposes only the persisted fields', () => {
    useSettingsStore.getState().load({ theme: 'light' });
    const s = useSettingsStore.getState();
    expect(s.isLoaded).toBe(true);
    expect(Object.keys(persistedSettings(s)).sort()).toEqual(['openCollections', 'openTabs', 'responseRatio', 'sidebarWidth', 'theme']);
  });
});

describe('environments store selectors', () => {
  beforeEach(resetAll);

  it('returns stable empty arrays for unknown collections and contexts', () => {
    const s = useEnvironmentsStore.getState();
    expect(selectEnvNames('nope')(s)).toBe(selectEnvNames('other')(s));
    expect(selectVisible('x')(s)).toBe(selectVisible('y')(s));
  });

  it('invalidates resolved variables of one collection only', () => {
    const s = useEnvironmentsStore.getState();
    s.setVisible(contextKey('c1', 'a.yaml', 'dev'), [{ name: 'base', value: 'http://x', secret: false, scope: 'environment' }]);
    s.setVisible(contextKey('c2', undefined, undefined), []);
    useEnvironmentsStore.getState().invalidate('c1');
    expect(Object.keys(useEnvironmentsStore.getState().visible)).toEqual([contextKey('c2', undefined, undefined)]);
  });
});
