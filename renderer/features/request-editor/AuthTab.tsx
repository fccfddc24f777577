import type { Auth } from '../../../shared/model/request';
import { useDraftField, useDraftUpdater } from './use-draft';

type AuthType = Auth['type'];

/** A fresh auth of a type, keeping username/password when switching between basic and digest. */
export function switchAuthType(auth: Auth, type: AuthType): Auth {
  const user = auth.type === 'basic' || auth.type === 'digest' ? { username: auth.username, password: auth.password } : { username: '', password: '' };
  switch (type) {
    case 'none':
    case 'inherit':
      return { type };
    case 'basic':
    case 'digest':
      return { type, ...user };
    case 'bearer':
      return { type, token: auth.type === 'bearer' ? auth.token : '' };
    case 'apikey':
      return { type, key: '', value: '', in: 'header' };
  }
}

function Field({ label, value, onChange, isSecret = false, testId }: { label: string; value: string; onChange: (v: string) => void; isSecret?: boolean; testId: string }): React.JSX.Element {
  return (
    <label className="field">
      <span>{label}</span>
      <input type={isSecret ? 'password' : 'text'} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} autoComplete="off" />
    </label>
  );
}

/** Auth settings: none, inherit from folder/collection, basic, bearer, API key, digest. */
export function AuthTab({ tabId }: { readonly tabId: string }): React.JSX.Element {
  const auth = useDraftField(tabId, 'auth') ?? { type: 'none' };
  const update = useDraftUpdater(tabId);
  const set = (next: Auth): void => update((d) => ({ ...d, auth: next }));
  return (
    <div className="form-grid">
      <label className="field">
        <span>Type</span>
        <select value={auth.type} onChange={(e) => set(switchAuthType(auth, e.target.value as AuthType))} data-testid="auth-type">
          <option value="none">No auth</option>
          <option value="inherit">Inherit from folder / collection</option>
          <option value="basic">Basic</option>
          <option value="bearer">Bearer token</option>
          <option value="apikey">API key</option>
          <option value="digest">Digest</option>
        </select>
      </label>
      {(auth.type === 'basic' || auth.type === 'digest') && (
        <>
          <Field label="Username" value={auth.username} onChange={(username) => set({ ...auth, username })} testId="auth-username" />
          <Field label="Password" value={auth.password} onChange={(password) => set({ ...auth, password })} isSecret testId="auth-password" />
        </>
      )}
      {auth.type === 'bearer' && (
        <>
          <Field label="Token" value={auth.token} onChange={(token) => set({ ...auth, token })} isSecret testId="auth-token" />
          <Field label="Prefix" value={auth.prefix ?? ''} onChange={(prefix) => set({ ...auth, prefix: prefix === '' ? undefined : prefix })} testId="auth-prefix" />
        </>
      )}
      {auth.type === 'apikey' && (
        <>
          <Field label="Key" value={auth.key} onChange={(key) => set({ ...auth, key })} testId="auth-key" />
          <Field label="Value" value={auth.value} onChange={(value) => set({ ...auth, value })} isSecret testId="auth-value" />
          <label className="field">
            <span>Add to</span>
            <select value={auth.in} onChange={(e) => set({ ...auth, in: e.target.value === 'query' ? 'query' : 'header' })}>
              <option value="header">Header</option>
              <option value="query">Query params</option>
            </select>
          </label>
        </>
      )}
      {auth.type === 'inherit' && <p className="muted">Uses the auth set on the nearest folder or the collection.</p>}
      <p className="muted">Tip: use {'{{variables}}'} from a secret environment value rather than typing tokens here.</p>
    </div>
  );
}
