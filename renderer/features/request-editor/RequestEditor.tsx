import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SubTab } from '../../components/SubTabs';
import { SubTabs } from '../../components/SubTabs';
import { selectIsSending, useResponsesStore } from '../../state/responses-store';
import { useTabsStore } from '../../state/tabs-store';
import { AssertionsTab } from './AssertionsTab';
import { AuthTab } from './AuthTab';
import { BodyTab } from './BodyTab';
import { HeadersTab } from './HeadersTab';
import { MethodPicker } from './MethodPicker';
import { OptionsTab } from './OptionsTab';
import { ParamsTab } from './ParamsTab';
import { cancelTab, copyAsCurl, saveTab, sendTab } from './request-actions';
import { TabStrip } from './TabStrip';
import { UrlBar } from './UrlBar';
import { useDraftUpdater } from './use-draft';
import { VariablesTab } from './VariablesTab';

type Section = 'params' | 'headers' | 'body' | 'auth' | 'tests' | 'vars' | 'options';

function countEnabled(rows: ReadonlyArray<{ enabled: boolean }> | undefined): string {
  const n = rows?.filter((r) => r.enabled).length ?? 0;
  return n === 0 ? '' : String(n);
}

function EditorBody({ tabId }: { tabId: string }): React.JSX.Element {
  const [section, setSection] = useState<Section>('params');
  const [method, name, paramCount, headerCount, bodyMode, authType, testCount] = useTabsStore(
    useShallow((s) => {
      const d = s.tabs[tabId]?.draft;
      return [d?.method ?? 'GET', d?.name ?? '', countEnabled(d?.params), countEnabled(d?.headers), d?.body.mode ?? 'none', d?.auth.type ?? 'none', String((d?.assertions.length ?? 0) + (d?.extractions.length ?? 0))] as const;
    }),
  );
  const isSending = useResponsesStore(selectIsSending(tabId));
  const update = useDraftUpdater(tabId);
  const sections: SubTab<Section>[] = [
    { id: 'params', label: 'Params', badge: paramCount },
    { id: 'headers', label: 'Headers', badge: headerCount },
    { id: 'body', label: 'Body', badge: bodyMode === 'none' ? '' : bodyMode },
    { id: 'auth', label: 'Auth', badge: authType === 'none' ? '' : authType },
    { id: 'tests', label: 'Tests', badge: testCount === '0' ? '' : testCount },
    { id: 'vars', label: 'Vars' },
    { id: 'options', label: 'Options' },
  ];
  return (
    <div className="request-editor" data-testid="request-editor">
      <div className="request-title">
        <input className="request-name" aria-label="Request name" value={name} onChange={(e) => update((d) => ({ ...d, name: e.target.value }))} data-testid="request-name" />
        <button type="button" className="button" onClick={() => void copyAsCurl(tabId)} data-testid="copy-curl">
          Copy as cURL
        </button>
        <button type="button" className="button" onClick={() => void saveTab(tabId)} title="Save (Ctrl+S)" data-testid="save-button">
          Save
        </button>
      </div>
      <div className="request-line">
        <MethodPicker key={tabId} method={method} onChange={(m) => update((d) => ({ ...d, method: m }))} />
        <UrlBar key={tabId} tabId={tabId} />
        {isSending ? (
          <button type="button" className="button danger send" onClick={() => void cancelTab(tabId)} data-testid="cancel-button">
            Cancel
          </button>
        ) : (
          <button type="button" className="button primary send" onClick={() => void sendTab(tabId)} title="Send (Ctrl+Enter)" data-testid="send-button">
            Send
          </button>
        )}
      </div>
      <SubTabs tabs={sections} active={section} onSelect={setSection} label="Request sections" testId="request-section" />
      <div className="section-panel" role="tabpanel" data-testid={`request-panel-${section}`}>
        {section === 'params' && <ParamsTab tabId={tabId} />}
        {section === 'headers' && <HeadersTab tabId={tabId} />}
        {section === 'body' && <BodyTab tabId={tabId} />}
        {section === 'auth' && <AuthTab tabId={tabId} />}
        {section === 'tests' && <AssertionsTab tabId={tabId} />}
        {section === 'vars' && <VariablesTab tabId={tabId} />}
        {section === 'options' && <OptionsTab tabId={tabId} />}
      </div>
    </div>
  );
}

/** The request side: tab strip plus the editor of the active tab (or an empty state). */
export function RequestEditor(): React.JSX.Element {
  const activeId = useTabsStore((s) => s.activeId);
  return (
    <section className="editor-pane" aria-label="Request editor">
      <TabStrip />
      {activeId === undefined ? (
        <div className="empty-state" data-testid="editor-empty">
          <p>No request open.</p>
          <p className="muted">Pick one in the sidebar, press Ctrl+N for a new request, or paste a cURL command into a new tab&apos;s URL bar.</p>
        </div>
      ) : (
        <EditorBody key={activeId} tabId={activeId} />
      )}
    </section>
  );
}
