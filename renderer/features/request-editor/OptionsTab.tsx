import type { RequestOptions, Timeouts } from '../../../shared/model/request';
import { useTabsStore } from '../../state/tabs-store';
import { ExternalFilesPanel } from '../consent/ExternalFilesPanel';
import { useDraftField, useDraftUpdater } from './use-draft';

function NumberField({ label, value, onChange, testId }: { label: string; value: number; onChange: (n: number) => void; testId: string }): React.JSX.Element {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        value={value}
        onChange={(e) => {
          const n = Number.parseInt(e.target.value, 10);
          onChange(Number.isFinite(n) && n >= 0 ? n : 0);
        }}
        data-testid={testId}
      />
    </label>
  );
}

function TextField({ label, value, onChange, placeholder, testId }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void; placeholder?: string; testId: string }): React.JSX.Element {
  return (
    <label className="field">
      <span>{label}</span>
      <input value={value ?? ''} placeholder={placeholder} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} data-testid={testId} />
    </label>
  );
}

/** Per-request options: timeouts, redirects, TLS verification and client certificates, proxy, HTTP/2, cookie jar, and the user's consent for outside files. */
export function OptionsTab({ tabId }: { readonly tabId: string }): React.JSX.Element | null {
  const options = useDraftField(tabId, 'options');
  const update = useDraftUpdater(tabId);
  const collectionId = useTabsStore((s) => s.tabs[tabId]?.collectionId);
  if (options === undefined) return null;
  const set = (patch: Partial<RequestOptions>): void => update((d) => ({ ...d, options: { ...d.options, ...patch } }));
  const setTimeout = (patch: Partial<Timeouts>): void => update((d) => ({ ...d, options: { ...d.options, timeouts: { ...d.options.timeouts, ...patch } } }));
  return (
    <div className="form-grid options-tab">
      <fieldset>
        <legend>Timeouts (ms, 0 = none)</legend>
        <NumberField label="Connect" value={options.timeouts.connect} onChange={(connect) => setTimeout({ connect })} testId="opt-timeout-connect" />
        <NumberField label="Response headers" value={options.timeouts.headers} onChange={(headers) => setTimeout({ headers })} testId="opt-timeout-headers" />
        <NumberField label="Body idle" value={options.timeouts.bodyIdle} onChange={(bodyIdle) => setTimeout({ bodyIdle })} testId="opt-timeout-body" />
        <NumberField label="Total" value={options.timeouts.total} onChange={(total) => setTimeout({ total })} testId="opt-timeout-total" />
      </fieldset>
      <fieldset>
        <legend>Redirects</legend>
        <label className="check">
          <input type="checkbox" checked={options.followRedirects} onChange={(e) => set({ followRedirects: e.target.checked })} data-testid="opt-follow-redirects" />
          Follow redirects
        </label>
        <NumberField label="Max redirects" value={options.maxRedirects} onChange={(maxRedirects) => set({ maxRedirects: Math.min(100, maxRedirects) })} testId="opt-max-redirects" />
      </fieldset>
      <fieldset>
        <legend>TLS</legend>
        <label className="check">
          <input type="checkbox" checked={options.verifyTls} onChange={(e) => set({ verifyTls: e.target.checked })} data-testid="opt-verify-tls" />
          Verify server certificate
        </label>
        <TextField label="CA file" value={options.caFile} onChange={(caFile) => set({ caFile })} placeholder="/path/to/ca.pem" testId="opt-ca" />
        <TextField label="Client certificate" value={options.clientCertFile} onChange={(clientCertFile) => set({ clientCertFile })} placeholder="/path/to/cert.pem" testId="opt-cert" />
        <TextField label="Client key" value={options.clientKeyFile} onChange={(clientKeyFile) => set({ clientKeyFile })} placeholder="/path/to/key.pem" testId="opt-key" />
      </fieldset>
      <fieldset>
        <legend>Connection</legend>
        <TextField label="Proxy URL" value={options.proxyUrl} onChange={(proxyUrl) => set({ proxyUrl })} placeholder="http://127.0.0.1:8080" testId="opt-proxy" />
        <label className="check">
          <input type="checkbox" checked={options.http2} onChange={(e) => set({ http2: e.target.checked })} data-testid="opt-http2" />
          Use HTTP/2 when the server offers it
        </label>
        <label className="check">
          <input type="checkbox" checked={options.useCookieJar !== false} onChange={(e) => set({ useCookieJar: e.target.checked })} data-testid="opt-cookie-jar" />
          Use the cookie jar (send its cookies, keep the response&apos;s)
        </label>
      </fieldset>
      <fieldset>
        <legend>Files</legend>
        <ExternalFilesPanel collectionId={collectionId} />
      </fieldset>
    </div>
  );
}
