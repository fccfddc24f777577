import { DialogHost } from '../components/DialogHost';
import { Notices } from '../components/Notices';
import { RunDialog } from '../features/batch-run';
import { Sidebar } from '../features/collections/Sidebar';
import { CookieManager } from '../features/cookies/CookieManager';
import { CookiesButton } from '../features/cookies/CookiesButton';
import { EnvironmentEditor } from '../features/environments/EnvironmentEditor';
import { RequestEditor } from '../features/request-editor/RequestEditor';
import { useSettingsStore } from '../state/settings-store';
import { Layout } from './Layout';
import { RightPane } from './RightPane';
import { nextTheme, useApplyTheme } from './theme';
import { useKeymap } from './use-keymap';

function TopBar(): React.JSX.Element {
  const choice = useSettingsStore((s) => s.theme);
  const update = useSettingsStore((s) => s.update);
  const theme = useApplyTheme();
  return (
    <header className="top-bar">
      <span className="brand">Salvo</span>
      <span className="spacer" />
      <CookiesButton />
      <button type="button" className="button" onClick={() => update({ theme: nextTheme(choice) })} title="Theme: system → light → dark" data-testid="theme-toggle" data-theme-choice={choice} data-theme={theme}>
        Theme: {choice === 'system' ? `system (${theme})` : choice}
      </button>
    </header>
  );
}

/** The whole window: top bar, three-pane layout, modals and notices. */
export function App(): React.JSX.Element {
  useKeymap();
  return (
    <div className="app" data-testid="app">
      <TopBar />
      <Layout sidebar={<Sidebar />} editor={<RequestEditor />} response={<RightPane />} />
      <RunDialog />
      <EnvironmentEditor />
      <CookieManager />
      <DialogHost />
      <Notices />
    </div>
  );
}
