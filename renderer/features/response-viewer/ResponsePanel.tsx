import { useState } from 'react';
import type { SubTab } from '../../components/SubTabs';
import { SubTabs } from '../../components/SubTabs';
import { formatBytes } from '../../lib/format';
import { cookiesFromHeaders } from '../../lib/set-cookie';
import { selectTabResponse, useResponsesStore } from '../../state/responses-store';
import { useTabsStore } from '../../state/tabs-store';
import { BodyView } from './BodyView';
import { CookiesView } from './CookiesView';
import { ErrorView } from './ErrorView';
import { HeadersView } from './HeadersView';
import { RedirectChain } from './RedirectChain';
import { ResponseSummary } from './ResponseSummary';
import { TimingWaterfall } from './TimingWaterfall';

type Section = 'body' | 'headers' | 'cookies' | 'timing' | 'redirects' | 'request';

function Done({ tabId }: { tabId: string }): React.JSX.Element | null {
  const r = useResponsesStore(selectTabResponse(tabId));
  const [section, setSection] = useState<Section>('body');
  if (r?.meta === undefined) return null;
  const meta = r.meta;
  const sections: SubTab<Section>[] = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: 'Headers', badge: String(meta.headers.length) },
    { id: 'cookies', label: 'Cookies', badge: String(cookiesFromHeaders(meta.headers).length || '') },
    { id: 'timing', label: 'Timing' },
    { id: 'redirects', label: 'Redirects', badge: meta.redirects.length > 0 ? String(meta.redirects.length) : '' },
    { id: 'request', label: 'Sent' },
  ];
  // Nothing was received: the error is the whole story.
  if (meta.error !== undefined && meta.status === 0 && meta.headers.length === 0)
    return (
      <>
        <ResponseSummary meta={meta} />
        <ErrorView tabId={tabId} error={meta.error} />
      </>
    );
  return (
    <>
      <ResponseSummary meta={meta} />
      {meta.error !== undefined && <ErrorView tabId={tabId} error={meta.error} />}
      <SubTabs tabs={sections} active={section} onSelect={setSection} label="Response sections" testId="response-section" />
      <div className="section-panel" role="tabpanel">
        {section === 'body' && <BodyView requestId={r.requestId} meta={meta} body={r.body} />}
        {section === 'headers' && <HeadersView headers={meta.headers} />}
        {section === 'cookies' && <CookiesView headers={meta.headers} />}
        {section === 'timing' && <TimingWaterfall timings={meta.timings} isReused={meta.reusedConnection} />}
        {section === 'redirects' && <RedirectChain hops={meta.redirects} finalUrl={meta.url} finalStatus={meta.status} />}
        {section === 'request' && (
          <div>
            <p className="mono wrap" data-testid="sent-line">
              {meta.sent.method} {meta.sent.url}
            </p>
            <HeadersView headers={meta.sent.headers} testId="sent-headers" />
          </div>
        )}
      </div>
    </>
  );
}

function Sending({ tabId }: { tabId: string }): React.JSX.Element | null {
  const r = useResponsesStore(selectTabResponse(tabId));
  if (r === undefined) return null;
  return (
    <>
      <div className="response-summary" data-testid="response-sending">
        <span className="spinner" aria-hidden="true" /> Sending…{r.streamedBytes > 0 && <span data-testid="stream-bytes"> {formatBytes(r.streamedBytes)} received</span>}
        {r.body.truncated && <span className="muted"> (showing the first {formatBytes(r.body.bytes)})</span>}
      </div>
      {r.body.bytes > 0 && <BodyView requestId={r.requestId} meta={undefined} body={r.body} />}
    </>
  );
}

/** The response side for the active tab: nothing yet, sending (streamed body), failed, or the response. */
export function ResponsePanel(): React.JSX.Element {
  const tabId = useTabsStore((s) => s.activeId);
  const phase = useResponsesStore((s) => (tabId === undefined ? undefined : s.byTab[tabId]?.phase));
  const error = useResponsesStore((s) => (tabId === undefined ? undefined : s.byTab[tabId]?.error));
  return (
    <section className="response-pane" aria-label="Response" data-testid="response-panel">
      {tabId === undefined || phase === undefined ? (
        <div className="empty-state" data-testid="response-empty">
          <p>No response yet.</p>
          <p className="muted">Send the request with Ctrl+Enter.</p>
        </div>
      ) : phase === 'sending' ? (
        <Sending tabId={tabId} />
      ) : phase === 'failed' && error !== undefined ? (
        <ErrorView tabId={tabId} error={error} />
      ) : (
        <Done key={tabId} tabId={tabId} />
      )}
    </section>
  );
}
