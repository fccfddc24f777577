import { useState } from 'react';
import type { CookieKey } from '../../../shared/model/cookie';
import { useCookiesStore } from '../../state/cookies-store';
import { saveCookie } from './cookie-actions';
import { cookieFromForm } from './cookie-form';
import type { CookieFormValues } from './cookie-form';

/** Props: the values to start from and the cookie being replaced (undefined when adding). */
export interface CookieFormProps {
  readonly initial: CookieFormValues;
  readonly replaces: CookieKey | undefined;
}

/** Adds or edits one cookie: name, value (masked until shown), domain, path, expiry and flags. */
export function CookieForm({ initial, replaces }: CookieFormProps): React.JSX.Element {
  const [form, setForm] = useState<CookieFormValues>(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [showValue, setShowValue] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const cancel = useCookiesStore((s) => s.edit);
  const patch = (p: Partial<CookieFormValues>): void => setForm((f) => ({ ...f, ...p }));
  const submit = async (): Promise<void> => {
    const checked = cookieFromForm(form);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    setSaving(true);
    const refused = await saveCookie(checked.cookie, replaces);
    setSaving(false);
    if (refused !== undefined) setError(refused);
  };
  return (
    <form
      className="cookie-form"
      aria-label={replaces === undefined ? 'Add cookie' : 'Edit cookie'}
      data-testid="cookie-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="cookie-form-grid">
        <label className="field">
          <span>Name</span>
          <input value={form.name} onChange={(e) => patch({ name: e.target.value })} data-testid="cookie-name" autoComplete="off" />
        </label>
        <label className="field">
          <span>Value</span>
          <input type={showValue ? 'text' : 'password'} value={form.value} onChange={(e) => patch({ value: e.target.value })} data-testid="cookie-value" autoComplete="off" />
        </label>
        <label className="check">
          <input type="checkbox" checked={showValue} onChange={(e) => setShowValue(e.target.checked)} data-testid="cookie-show-value" /> Show value
        </label>
        <label className="field">
          <span>Domain</span>
          <input value={form.domain} placeholder="api.example.com" onChange={(e) => patch({ domain: e.target.value })} data-testid="cookie-domain" />
        </label>
        <label className="field">
          <span>Path</span>
          <input value={form.path} onChange={(e) => patch({ path: e.target.value })} data-testid="cookie-path" />
        </label>
        <label className="field">
          <span>Expires (empty: session cookie)</span>
          <input type="datetime-local" value={form.expires} onChange={(e) => patch({ expires: e.target.value })} data-testid="cookie-expires" />
        </label>
        <label className="field">
          <span>SameSite</span>
          <select value={form.sameSite} onChange={(e) => patch({ sameSite: e.target.value as CookieFormValues['sameSite'] })} data-testid="cookie-samesite">
            <option value="">not set</option>
            <option value="strict">Strict</option>
            <option value="lax">Lax</option>
            <option value="none">None</option>
          </select>
        </label>
      </div>
      <div className="row-actions">
        <label className="check">
          <input type="checkbox" checked={form.hostOnly} onChange={(e) => patch({ hostOnly: e.target.checked })} data-testid="cookie-host-only" /> This host only (not subdomains)
        </label>
        <label className="check">
          <input type="checkbox" checked={form.secure} onChange={(e) => patch({ secure: e.target.checked })} data-testid="cookie-secure" /> Secure (https only)
        </label>
        <label className="check">
          <input type="checkbox" checked={form.httpOnly} onChange={(e) => patch({ httpOnly: e.target.checked })} data-testid="cookie-http-only" /> HttpOnly
        </label>
      </div>
      {error !== undefined && (
        <p className="cookie-error" role="alert" data-testid="cookie-form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => cancel(undefined)} data-testid="cookie-form-cancel">
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={isSaving} data-testid="cookie-form-save">
          {replaces === undefined ? 'Add cookie' : 'Save cookie'}
        </button>
      </div>
    </form>
  );
}
